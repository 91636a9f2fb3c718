// Every project.* procedure against a real PostgreSQL: what the member sees, versions, and the
// project event each mutation writes (partition key = the project, actorid = who acted).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestDatabase } from "@taskboard/db/testing";
import type { TSessionUser } from "@/server/session-user";
import { callerFor, countOutbox, insertUser, must, openTestDatabase, readOutbox } from "@/server/testing/test-database";

let testDb: TestDatabase;
let user: TSessionUser;
let api: ReturnType<typeof callerFor>;

beforeAll(async () => {
  testDb = await openTestDatabase();
  user = await insertUser(testDb.db, "Ada");
  api = callerFor(testDb.db, user);
});
afterAll(() => testDb.drop());
beforeEach(async () => {
  await testDb.db.outboxEvent.deleteMany();
  await testDb.db.project.deleteMany({ where: { isInbox: false } });
});

async function onlyEvent() {
  const events = await readOutbox(testDb.db);
  expect(events).toHaveLength(1);
  return must(events[0]);
}

async function inbox() {
  return must((await api.project.list()).projects.find((p) => p.isInbox), "the Inbox");
}

describe("project.create", () => {
  it("creates the project with its creator as owner and writes project.created keyed by the project", async () => {
    const project = await api.project.create({ name: "  Garden ", color: "#AABBCC" });
    expect(project).toMatchObject({ name: "Garden", color: "#aabbcc", ownerId: user.id, role: "OWNER", isInbox: false, version: 1, memberCount: 1, view: "LIST", archivedAt: null, deletedAt: null });
    const event = await onlyEvent();
    expect(event).toMatchObject({ topic: "project-events", type: "project.created", partitionKey: project.id });
    expect(event.event).toMatchObject({ subject: project.id, actorid: user.id, data: { project: { id: project.id, name: "Garden", ownerId: user.id } } });
  });

  it.each([
    [{ name: "   " }, /Project name must not be empty/],
    [{ name: "x".repeat(101) }, /at most 100/],
    [{ name: "a\u0000b" }, /NUL/],
    [{ name: "ok", color: "red" }, /hex colour/],
    [{ name: "ok", extra: 1 }, /extra/],
  ])("refuses %j with a clear message and writes nothing", async (input, message) => {
    await expect(api.project.create(input as never)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(message) });
    expect(await countOutbox(testDb.db)).toBe(0);
    expect((await api.project.list()).projects).toHaveLength(1);
  });
});

describe("project.list and project.get", () => {
  it("lists the Inbox first, then by the member's own order; archived included, deleted not", async () => {
    const a = await api.project.create({ name: "A" });
    const b = await api.project.create({ name: "B" });
    const c = await api.project.create({ name: "C" });
    await api.project.reorder({ id: c.id, position: -10 });
    await api.project.archive({ id: b.id });
    await api.project.delete({ id: a.id });
    const { projects } = await api.project.list();
    expect(projects.map((p) => p.name)).toEqual(["Inbox", "C", "B"]);
    expect(projects[2]?.archivedAt).not.toBeNull();
  });

  it("gets a project; a deleted one and an unknown id are NOT_FOUND", async () => {
    const project = await api.project.create({ name: "A" });
    expect(await api.project.get({ id: project.id })).toEqual(project);
    await api.project.delete({ id: project.id });
    await expect(api.project.get({ id: project.id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Project not found" });
    await expect(api.project.get({ id: "6f1c2a34-1b2c-4d5e-8f90-123456789abc" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("project.update", () => {
  it("renames with a version check and writes previous + new snapshot + changed fields", async () => {
    const project = await api.project.create({ name: "Old" });
    await testDb.db.outboxEvent.deleteMany();
    const updated = await api.project.update({ id: project.id, expectedVersion: 1, patch: { name: "New" } });
    expect(updated).toMatchObject({ name: "New", version: 2 });
    const event = await onlyEvent();
    expect(event).toMatchObject({ type: "project.updated", partitionKey: project.id });
    expect(event.event).toMatchObject({
      actorid: user.id,
      data: { previous: { name: "Old", version: 1 }, project: { name: "New", version: 2 }, changedFields: ["name"] },
    });
  });

  it("is a CONFLICT for a stale version, and changes nothing", async () => {
    const project = await api.project.create({ name: "Old" });
    await api.project.update({ id: project.id, expectedVersion: 1, patch: { color: "#000000" } });
    await testDb.db.outboxEvent.deleteMany();
    await expect(api.project.update({ id: project.id, expectedVersion: 1, patch: { name: "Mine" } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/changed elsewhere/),
    });
    expect((await api.project.get({ id: project.id })).name).toBe("Old");
    expect(await countOutbox(testDb.db)).toBe(0);
  });

  it("a patch that changes nothing keeps the version and writes no event", async () => {
    const project = await api.project.create({ name: "Same" });
    await testDb.db.outboxEvent.deleteMany();
    expect(await api.project.update({ id: project.id, expectedVersion: 1, patch: { name: "Same" } })).toMatchObject({ version: 1 });
    expect(await countOutbox(testDb.db)).toBe(0);
  });

  it("refuses an empty patch", async () => {
    const project = await api.project.create({ name: "A" });
    await expect(api.project.update({ id: project.id, expectedVersion: 1, patch: {} })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/Nothing to change/),
    });
  });
});

describe("the Inbox is personal", () => {
  it.each([
    ["update", (id: string) => api.project.update({ id, expectedVersion: 1, patch: { name: "Mine" } })],
    ["archive", (id: string) => api.project.archive({ id })],
    ["delete", (id: string) => api.project.delete({ id })],
  ] as const)("project.%s of the Inbox is a BAD_REQUEST that says so, and changes nothing", async (_name, call) => {
    const box = await inbox();
    await expect(call(box.id)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^The Inbox is personal: it cannot be/) });
    expect(await inbox()).toEqual(box);
    expect(await countOutbox(testDb.db)).toBe(0);
  });

  it("can still be reordered and shown as a kanban board by its owner", async () => {
    const box = await inbox();
    expect(await api.project.setView({ id: box.id, view: "KANBAN" })).toMatchObject({ view: "KANBAN" });
    expect(await countOutbox(testDb.db)).toBe(0);
  });
});

describe("project.archive / unarchive / delete / restore", () => {
  it("archive and unarchive write project.updated with changedFields [archivedAt]; repeating is a no-op", async () => {
    const project = await api.project.create({ name: "A" });
    await testDb.db.outboxEvent.deleteMany();
    const archived = await api.project.archive({ id: project.id });
    expect(archived.archivedAt).not.toBeNull();
    expect(await api.project.archive({ id: project.id })).toEqual(archived);
    const unarchived = await api.project.unarchive({ id: project.id });
    expect(unarchived).toMatchObject({ archivedAt: null, version: 3 });
    const events = await readOutbox(testDb.db);
    expect(events.map((e) => [e.type, (e.event.data as { changedFields: string[] }).changedFields])).toEqual([
      ["project.updated", ["archivedAt"]],
      ["project.updated", ["archivedAt"]],
    ]);
  });

  it("delete is soft and restore undoes it, each with its own event", async () => {
    const project = await api.project.create({ name: "A" });
    await testDb.db.outboxEvent.deleteMany();
    const deleted = await api.project.delete({ id: project.id });
    expect(deleted.deletedAt).not.toBeNull();
    expect((await api.project.list()).projects.map((p) => p.id)).not.toContain(project.id);
    const restored = await api.project.restore({ id: project.id });
    expect(restored).toMatchObject({ deletedAt: null, name: "A", version: 3 });
    expect((await api.project.list()).projects.map((p) => p.id)).toContain(project.id);
    const events = await readOutbox(testDb.db);
    expect(events.map((e) => [e.type, e.partitionKey, e.event.actorid])).toEqual([
      ["project.deleted", project.id, user.id],
      ["project.restored", project.id, user.id],
    ]);
  });
});

describe("project.reorder and project.setView", () => {
  it("change only the member's own position and view, with no event", async () => {
    const project = await api.project.create({ name: "A" });
    await testDb.db.outboxEvent.deleteMany();
    expect(await api.project.reorder({ id: project.id, position: 42 })).toMatchObject({ position: 42, version: 1 });
    expect(await api.project.setView({ id: project.id, view: "KANBAN" })).toMatchObject({ view: "KANBAN", position: 42, version: 1 });
    expect(await countOutbox(testDb.db)).toBe(0);
  });

  it("refuses a view that does not exist and a position out of range", async () => {
    const project = await api.project.create({ name: "A" });
    await expect(api.project.setView({ id: project.id, view: "GRID" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.project.reorder({ id: project.id, position: Number.MAX_VALUE })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/Position/) });
  });
});
