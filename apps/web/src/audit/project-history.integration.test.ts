// A project's history and a task's history against a real database: every member (owner, editor,
// viewer) reads all of the project's changes, memberships included, each naming its actor; a
// removed member and a stranger get NOT_FOUND; filters by type and person; bad input is refused.
import type { TestDatabase } from "@taskboard/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, insertUser, openTestDatabase } from "@/server/testing/test-database";
import type { TSessionUser } from "@/server/session-user";
import { insertHistory, insertProject, insertTask } from "./testing/history-fixtures";

let testDb: TestDatabase;
let ana: TSessionUser;
let bob: TSessionUser;
let vic: TSessionUser;
let rex: TSessionUser;
let stranger: TSessionUser;
let projectId: string;
let otherProjectId: string;
let taskId: string;

const member = (user: TSessionUser, role: string) => ({ projectId, userId: user.id, name: user.name, email: user.email, role, joinedAt: "2026-09-01T08:00:00.000Z" });

beforeAll(async () => {
  testDb = await openTestDatabase();
  const { db } = testDb;
  ana = await insertUser(db, "Ana");
  bob = await insertUser(db, "Bob");
  vic = await insertUser(db, "Vic");
  rex = await insertUser(db, "Rex");
  stranger = await insertUser(db, "Stranger");
  projectId = await insertProject(db, ana, "Home", [
    [bob, "EDITOR"],
    [vic, "VIEWER"],
  ]);
  otherProjectId = await insertProject(db, stranger, "Elsewhere");
  taskId = await insertTask(db, ana, projectId, "Fix the sink");
  // Rex was a member once: his removal is in the history, his membership row is gone.
  await insertHistory(db, [
    { type: "project.created", actor: ana.id, userId: ana.id, projectId, snapshot: { project: { id: projectId, name: "Home", archivedAt: null } } },
    { type: "invitation.created", actor: ana.id, userId: ana.id, projectId, snapshot: { invitation: { email: bob.email, role: "EDITOR", status: "PENDING" } } },
    { type: "member.added", actor: bob.id, userId: ana.id, projectId, snapshot: { member: member(bob, "EDITOR") } },
    { type: "task.created", actor: ana.id, userId: ana.id, projectId, taskId, snapshot: { title: "Fix the sink" }, diff: [{ field: "title", before: null, after: "Fix the sink" }] },
    { type: "task.updated", actor: bob.id, userId: ana.id, projectId, taskId, snapshot: { title: "Fix the sink" }, diff: [{ field: "priority", before: "NONE", after: "HIGH" }] },
    { type: "member.removed", actor: ana.id, userId: ana.id, projectId, snapshot: { member: member(rex, "VIEWER"), reason: "removed" } },
    { type: "task.created", actor: "recurrence", userId: ana.id, projectId, taskId, snapshot: { title: "Fix the sink" } },
    { type: "task.created", actor: stranger.id, userId: stranger.id, projectId: otherProjectId, snapshot: { title: "Not Home's" } },
  ]);
});
afterAll(() => testDb.drop());

describe("a project's history (audit.list with projectId)", () => {
  it.each([
    ["the owner", () => ana],
    ["an editor", () => bob],
    ["a viewer", () => vic],
  ])("shows %s every change of the project, memberships included, each naming its actor", async (_who, reader) => {
    const page = await callerFor(testDb.db, reader()).audit.list({ projectId });
    expect(page.items.map((item) => item.type)).toEqual([
      "task.created",
      "member.removed",
      "task.updated",
      "task.created",
      "member.added",
      "invitation.created",
      "project.created",
    ]);
    expect(page.items.every((item) => item.projectId === projectId && item.projectName === "Home")).toBe(true);
    const names = page.items.map((item) => item.actorName);
    expect(names).toEqual(["Repeat", "Ana", "Bob", "Ana", "Bob", "Ana", "Ana"].map((name) => (name === reader().name ? "You" : name)));
  });

  it("describes membership entries by who they are about", async () => {
    const page = await callerFor(testDb.db, bob).audit.list({ projectId, types: ["member.added", "member.removed", "invitation.created"] });
    expect(page.items.map((item) => item.subject)).toMatchObject([
      { name: "Rex", reason: "removed", memberIsActor: false },
      { name: "you", role: "EDITOR", memberIsActor: true },
      { email: bob.email, role: "EDITOR" },
    ]);
  });

  it("filters by person and by type", async () => {
    const asVic = callerFor(testDb.db, vic);
    const byBob = await asVic.audit.list({ projectId, actorId: bob.id });
    expect(byBob.items.map((item) => item.type)).toEqual(["task.updated", "member.added"]);
    const byRepeat = await asVic.audit.list({ projectId, actorId: "recurrence" });
    expect(byRepeat.items).toHaveLength(1);
    const memberships = await asVic.audit.list({ projectId, types: ["member.added", "member.removed"] });
    expect(memberships.items.map((item) => item.type)).toEqual(["member.removed", "member.added"]);
  });

  it("lists who acted, for the person filter, by name", async () => {
    const { people } = await callerFor(testDb.db, vic).audit.people({ projectId });
    expect(people).toEqual([
      { id: ana.id, name: "Ana" },
      { id: bob.id, name: "Bob" },
      { id: "recurrence", name: "Repeat" },
    ]);
    for (const reader of [rex, stranger]) {
      await expect(callerFor(testDb.db, reader).audit.people({ projectId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("pages without gaps or repeats", async () => {
    const asAna = callerFor(testDb.db, ana);
    const first = await asAna.audit.list({ projectId, limit: 4 });
    const second = await asAna.audit.list({ projectId, limit: 4, cursor: first.nextCursor });
    expect(first.nextCursor).not.toBeNull();
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((item) => item.id)).size).toBe(7);
  });

  it("answers NOT_FOUND to a removed member and a stranger, as for a project that does not exist", async () => {
    for (const reader of [rex, stranger]) {
      await expect(callerFor(testDb.db, reader).audit.list({ projectId })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Project not found" });
    }
    await expect(callerFor(testDb.db, ana).audit.list({ projectId: otherProjectId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(testDb.db, null).audit.list({ projectId })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses bad input with a message", async () => {
    const asAna = callerFor(testDb.db, ana);
    await expect(asAna.audit.list({ projectId: "home" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("projectId must be a project id") });
    await expect(asAna.audit.list({ projectId, actorId: "" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("actorId must not be empty") });
    // @ts-expect-error: not an event type
    await expect(asAna.audit.list({ projectId, types: ["task.exploded"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("a task's history (the task editor)", () => {
  it("is read by every member of the task's project, not only its creator", async () => {
    for (const reader of [ana, bob, vic]) {
      const page = await callerFor(testDb.db, reader).audit.list({ taskId });
      expect(page.items.map((item) => [item.type, item.actorName])).toEqual([
        ["task.created", "Repeat"],
        ["task.updated", reader === bob ? "You" : "Bob"],
        ["task.created", reader === ana ? "You" : "Ana"],
      ]);
      const viaTaskHistory = await callerFor(testDb.db, reader).audit.taskHistory({ taskId });
      expect(viaTaskHistory.items.map((item) => item.id)).toEqual(page.items.map((item) => item.id));
    }
  });

  it("answers NOT_FOUND to a removed member and a stranger", async () => {
    for (const reader of [rex, stranger]) {
      await expect(callerFor(testDb.db, reader).audit.list({ taskId })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Task not found" });
      await expect(callerFor(testDb.db, reader).audit.taskHistory({ taskId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });
});
