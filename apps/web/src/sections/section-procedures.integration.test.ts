// Every section.* procedure against a real PostgreSQL: order, versions, what deleting a section
// does to its tasks, and the events each mutation writes (section events keyed by the project,
// task events by the task's creator; actorid = who acted).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestDatabase } from "@taskboard/db/testing";
import { addMember } from "@/projects/testing/project-members";
import type { TSessionUser } from "@/server/session-user";
import { callerFor, countOutbox, insertUser, must, openTestDatabase, readOutbox } from "@/server/testing/test-database";

let testDb: TestDatabase;
let owner: TSessionUser;
let editor: TSessionUser;
let api: ReturnType<typeof callerFor>;
let editorApi: ReturnType<typeof callerFor>;
let projectId: string;

beforeAll(async () => {
  testDb = await openTestDatabase();
  owner = await insertUser(testDb.db, "Ada");
  editor = await insertUser(testDb.db, "Bo");
  api = callerFor(testDb.db, owner);
  editorApi = callerFor(testDb.db, editor);
});
afterAll(() => testDb.drop());
beforeEach(async () => {
  await testDb.db.task.deleteMany();
  await testDb.db.project.deleteMany({ where: { isInbox: false } });
  projectId = (await api.project.create({ name: "Garden" })).id;
  await addMember(testDb.db, { owner, projectId, member: editor, role: "EDITOR" });
  await testDb.db.outboxEvent.deleteMany();
});

describe("section.create and section.list", () => {
  it("an editor adds sections at the end (or where asked) with section.created; list is in board order", async () => {
    const todo = await editorApi.section.create({ projectId, name: " To do " });
    const done = await editorApi.section.create({ projectId, name: "Done" });
    const first = await api.section.create({ projectId, name: "Ideas", position: -1 });
    expect(todo).toMatchObject({ projectId, name: "To do", position: 1, version: 1, deletedAt: null });
    expect(done.position).toBe(2);
    expect((await editorApi.section.list({ projectId })).map((s) => s.name)).toEqual(["Ideas", "To do", "Done"]);
    const events = await readOutbox(testDb.db);
    expect(events.map((e) => [e.type, e.partitionKey, e.event.subject, e.event.actorid])).toEqual([
      ["section.created", projectId, todo.id, editor.id],
      ["section.created", projectId, done.id, editor.id],
      ["section.created", projectId, first.id, owner.id],
    ]);
  });

  it.each([
    [{ name: "  " }, /Section name must not be empty/],
    [{ name: "x".repeat(101) }, /at most 100/],
    [{ name: "ok", position: Number.MAX_VALUE }, /Position/],
  ])("refuses %j with a clear message and writes nothing", async (fields, message) => {
    await expect(api.section.create({ projectId, ...fields } as never)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(message) });
    expect(await countOutbox(testDb.db)).toBe(0);
    expect(await api.section.list({ projectId })).toEqual([]);
  });
});

describe("section.update", () => {
  it("renames and moves with a version check, writing section.updated with the changed fields", async () => {
    const section = await api.section.create({ projectId, name: "Todo" });
    await testDb.db.outboxEvent.deleteMany();
    const updated = await editorApi.section.update({ id: section.id, expectedVersion: 1, patch: { name: "To do", position: 5 } });
    expect(updated).toMatchObject({ name: "To do", position: 5, version: 2 });
    const [event] = await readOutbox(testDb.db);
    expect(event).toMatchObject({ type: "section.updated", partitionKey: projectId });
    expect(must(event).event.data).toMatchObject({ previous: { name: "Todo" }, section: { name: "To do" }, changedFields: ["name", "position"] });
  });

  it("a stale version is a CONFLICT and changes nothing; an empty patch is refused", async () => {
    const section = await api.section.create({ projectId, name: "Todo" });
    await api.section.update({ id: section.id, expectedVersion: 1, patch: { name: "Mine" } });
    await testDb.db.outboxEvent.deleteMany();
    await expect(editorApi.section.update({ id: section.id, expectedVersion: 1, patch: { name: "Theirs" } })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/changed elsewhere/) });
    await expect(api.section.update({ id: section.id, expectedVersion: 2, patch: {} })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/Nothing to change/) });
    expect((await api.section.list({ projectId }))[0]).toMatchObject({ name: "Mine", version: 2 });
    expect(await countOutbox(testDb.db)).toBe(0);
  });
});

describe("section.delete", () => {
  async function sectionWithTasks() {
    const doing = await api.section.create({ projectId, name: "Doing" });
    const done = await api.section.create({ projectId, name: "Done" });
    const a = await api.task.create({ title: "a", projectId, sectionId: doing.id });
    const b = await editorApi.task.create({ title: "b", projectId, sectionId: doing.id });
    const elsewhere = await api.task.create({ title: "c", projectId, sectionId: done.id });
    await testDb.db.outboxEvent.deleteMany();
    return { doing, done, a, b, elsewhere };
  }

  it("moves its tasks to another section (task.updated each), then section.deleted", async () => {
    const { doing, done, a, b, elsewhere } = await sectionWithTasks();
    const deleted = await editorApi.section.delete({ id: doing.id, tasks: { action: "moved", toSectionId: done.id } });
    expect(deleted.deletedAt).not.toBeNull();
    expect((await api.section.list({ projectId })).map((s) => s.id)).toEqual([done.id]);
    for (const task of [a, b, elsewhere]) expect((await api.task.get({ id: task.id })).sectionId).toBe(done.id);
    const events = await readOutbox(testDb.db);
    expect(events.map((e) => [e.type, e.partitionKey, e.event.actorid])).toEqual(
      expect.arrayContaining([
        ["task.updated", owner.id, editor.id],
        ["task.updated", editor.id, editor.id],
      ]),
    );
    expect(events).toHaveLength(3);
    expect(must(events[2]).event).toMatchObject({ type: "section.deleted", data: { section: { id: doing.id }, tasks: { action: "moved", toSectionId: done.id } } });
  });

  it("moves its tasks to no section with toSectionId null", async () => {
    const { doing, a } = await sectionWithTasks();
    await api.section.delete({ id: doing.id, tasks: { action: "moved", toSectionId: null } });
    expect((await api.task.get({ id: a.id })).sectionId).toBeNull();
  });

  it("deletes its tasks (task.deleted each), then section.deleted", async () => {
    const { doing, a, b, elsewhere } = await sectionWithTasks();
    await api.section.delete({ id: doing.id, tasks: { action: "deleted" } });
    for (const task of [a, b]) expect((await api.task.get({ id: task.id })).deletedAt).not.toBeNull();
    expect((await api.task.get({ id: elsewhere.id })).deletedAt).toBeNull();
    expect((await readOutbox(testDb.db)).map((e) => e.type)).toEqual(["task.deleted", "task.deleted", "section.deleted"]);
  });

  it("refuses moving the tasks into the section itself or another project's section, changing nothing", async () => {
    const { doing, a } = await sectionWithTasks();
    const other = await api.project.create({ name: "Other" });
    const foreign = await api.section.create({ projectId: other.id, name: "Elsewhere" });
    await testDb.db.outboxEvent.deleteMany();
    for (const toSectionId of [doing.id, foreign.id]) {
      await expect(api.section.delete({ id: doing.id, tasks: { action: "moved", toSectionId } })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/another section of this project/) });
    }
    expect((await api.task.get({ id: a.id })).sectionId).toBe(doing.id);
    expect(await countOutbox(testDb.db)).toBe(0);
  });

  it("a deleted section is gone: updating or deleting it again is NOT_FOUND", async () => {
    const section = await api.section.create({ projectId, name: "Old" });
    await api.section.delete({ id: section.id, tasks: { action: "deleted" } });
    await expect(api.section.update({ id: section.id, expectedVersion: 2, patch: { name: "x" } })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Section not found" });
    await expect(api.section.delete({ id: section.id, tasks: { action: "deleted" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
