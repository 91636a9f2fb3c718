// admin.* against a real database: administrators (ADMIN_EMAILS, any letter case) read the users
// and the whole instance's history with filters; anyone else gets FORBIDDEN and nothing is
// recorded; every administrator read is recorded first, and the record cannot be changed.
import type { TestDatabase } from "@taskboard/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { insertHistory, insertProject } from "@/audit/testing/history-fixtures";
import { callerFor, insertUser, openTestDatabase } from "@/server/testing/test-database";
import type { TSessionUser } from "@/server/session-user";

const admins = vi.hoisted(() => ({ emails: [] as string[] }));
vi.mock("@/admin/admin-settings", () => ({ adminEmails: () => Promise.resolve(admins.emails) }));

let testDb: TestDatabase;
let admin: TSessionUser;
let ana: TSessionUser;
let bob: TSessionUser;
let homeId: string;
let workId: string;

beforeAll(async () => {
  testDb = await openTestDatabase();
  const { db } = testDb;
  admin = await insertUser(db, "Root");
  ana = await insertUser(db, "Ana");
  bob = await insertUser(db, "Bob");
  admins.emails = [admin.email.toLowerCase()];
  homeId = await insertProject(db, ana, "Home", [[bob, "EDITOR"]]);
  workId = await insertProject(db, bob, "Work");
  await insertHistory(db, [
    { type: "project.created", actor: ana.id, userId: ana.id, projectId: homeId, snapshot: { project: { name: "Home" } } },
    { type: "member.added", actor: bob.id, userId: ana.id, projectId: homeId, snapshot: { member: { userId: bob.id, name: "Bob", role: "EDITOR" } } },
    { type: "project.created", actor: bob.id, userId: bob.id, projectId: workId, snapshot: { project: { name: "Work" } } },
    { type: "task.created", actor: bob.id, userId: bob.id, projectId: workId, snapshot: { title: "Report" } },
    { type: "reminder.fired", actor: "reminders", userId: bob.id, projectId: workId, snapshot: { title: "Report" } },
  ]);
});
afterAll(() => testDb.drop());

const readsOf = (user: TSessionUser) => testDb.db.adminRead.findMany({ where: { adminId: user.id }, orderBy: { readAt: "asc" } });

describe("admin procedures", () => {
  it("list every user with how many projects they are in (the Inbox not counted)", async () => {
    const { users } = await callerFor(testDb.db, admin).admin.users();
    expect(users.map((user) => [user.name, user.email, user.projectCount]).sort()).toEqual([
      ["Ana", ana.email, 1],
      ["Bob", bob.email, 2],
      ["Root", admin.email, 0],
    ]);
  });

  it("list every shareable project with its member count (no Inbox)", async () => {
    const { projects } = await callerFor(testDb.db, admin).admin.projects();
    expect(projects.map((project) => [project.name, project.memberCount])).toEqual([
      ["Home", 2],
      ["Work", 1],
    ]);
  });

  it("read the whole instance's history, filtered by person, project and type", async () => {
    const asAdmin = callerFor(testDb.db, admin);
    const all = await asAdmin.admin.history();
    expect(all.items.map((item) => [item.type, item.actorName, item.projectName])).toEqual([
      ["reminder.fired", "Reminders", "Work"],
      ["task.created", "Bob", "Work"],
      ["project.created", "Bob", "Work"],
      ["member.added", "Bob", "Home"],
      ["project.created", "Ana", "Home"],
    ]);
    expect((await asAdmin.admin.history({ userId: bob.id })).items).toHaveLength(3);
    expect((await asAdmin.admin.history({ projectId: homeId })).items.map((item) => item.type)).toEqual(["member.added", "project.created"]);
    expect((await asAdmin.admin.history({ type: "project.created", userId: ana.id })).items.map((item) => item.projectName)).toEqual(["Home"]);
    const first = await asAdmin.admin.history({ limit: 3 });
    const rest = await asAdmin.admin.history({ limit: 3, cursor: first.nextCursor });
    expect([...first.items, ...rest.items].map((item) => item.id)).toEqual(all.items.map((item) => item.id));
  });

  it("record each read first: who, which procedure with which filters, when", async () => {
    const before = new Date();
    const asAdmin = callerFor(testDb.db, admin);
    const count = (await readsOf(admin)).length;
    await asAdmin.admin.history({ projectId: workId, type: "task.created" });
    await asAdmin.admin.users();
    const { reads } = await asAdmin.admin.reads();
    const recorded = (await readsOf(admin)).slice(count);
    expect(recorded.map((read) => [read.procedure, read.filters, read.adminEmail])).toEqual([
      ["admin.history", { projectId: workId, type: "task.created" }, admin.email],
      ["admin.users", {}, admin.email],
      ["admin.reads", {}, admin.email],
    ]);
    expect(recorded.every((read) => read.readAt >= new Date(before.getTime() - 1000))).toBe(true);
    // The page shows them newest first, the read that lists them included.
    expect(reads.slice(0, 3).map((read) => read.procedure)).toEqual(["admin.reads", "admin.users", "admin.history"]);
  });

  it("keep the record of reads append-only: no update, delete or truncate", async () => {
    await callerFor(testDb.db, admin).admin.users();
    const [read] = await readsOf(admin);
    if (!read) throw new Error("no read recorded");
    await expect(testDb.db.adminRead.update({ where: { id: read.id }, data: { procedure: "nothing" } })).rejects.toThrow(/append-only/);
    await expect(testDb.db.adminRead.delete({ where: { id: read.id } })).rejects.toThrow(/append-only/);
    await expect(testDb.db.$executeRawUnsafe("TRUNCATE admin_reads")).rejects.toThrow(/append-only/);
    expect(await testDb.db.adminRead.findUnique({ where: { id: read.id } })).toMatchObject({ procedure: read.procedure });
  });

  it("recognise an administrator's address in any letter case", async () => {
    const shouting = { ...admin, email: admin.email.toUpperCase() };
    await expect(callerFor(testDb.db, shouting).admin.users()).resolves.toMatchObject({ users: expect.any(Array) });
  });

  it("refuse everyone else with FORBIDDEN 'Administrators only', recording nothing", async () => {
    const total = await testDb.db.adminRead.count();
    for (const user of [ana, bob]) {
      const asUser = callerFor(testDb.db, user);
      await expect(asUser.admin.users()).rejects.toMatchObject({ code: "FORBIDDEN", message: "Administrators only" });
      await expect(asUser.admin.history()).rejects.toMatchObject({ code: "FORBIDDEN", message: "Administrators only" });
      await expect(asUser.admin.reads()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(asUser.admin.projects()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(callerFor(testDb.db, null).admin.users()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await testDb.db.adminRead.count()).toBe(total);
  });

  it("refuse bad filters with a message, recording nothing", async () => {
    const asAdmin = callerFor(testDb.db, admin);
    const total = await testDb.db.adminRead.count();
    await expect(asAdmin.admin.history({ projectId: "work" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("projectId must be a project id") });
    // @ts-expect-error: not an event type
    await expect(asAdmin.admin.history({ type: "task.exploded" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("type must be one of") });
    await expect(asAdmin.admin.history({ cursor: "nope" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("cursor") });
    expect(await testDb.db.adminRead.count()).toBe(total);
  });
});
