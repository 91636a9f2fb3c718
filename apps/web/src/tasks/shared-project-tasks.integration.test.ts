// Tasks in a shared project: an editor changes the owner's tasks (events keep the creator as
// partition key and name the editor as actor), a viewer only reads, a removed member sees nothing,
// and task.move carries a task between columns and projects.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestDatabase } from "@taskboard/db/testing";
import type { TTaskSnapshot } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import { createSharedProject, inboxIdOf, removeMember, type TSharedProject } from "@/server/testing/shared-project";
import { callerFor, countOutbox, insertUser, openTestDatabase, readOutbox, must } from "@/server/testing/test-database";

let testDb: TestDatabase;
let owner: TSessionUser;
let editor: TSessionUser;
let viewer: TSessionUser;
let asOwner: ReturnType<typeof callerFor>;
let asEditor: ReturnType<typeof callerFor>;
let asViewer: ReturnType<typeof callerFor>;
/** Owner's project: editor and viewer are members; sections "Todo" and "Doing". */
let shared: TSharedProject;
/** Editor's own project, where the owner is only a viewer. */
let editorsProject: TSharedProject;

const VIEWER_MESSAGE = /You can view this project but not change it/;

beforeAll(async () => {
  testDb = await openTestDatabase();
  owner = await insertUser(testDb.db, "Olga");
  editor = await insertUser(testDb.db, "Ed");
  viewer = await insertUser(testDb.db, "Vi");
  asOwner = callerFor(testDb.db, owner);
  asEditor = callerFor(testDb.db, editor);
  asViewer = callerFor(testDb.db, viewer);
  shared = await createSharedProject(testDb.db, owner, [{ user: editor, role: "EDITOR" }, { user: viewer, role: "VIEWER" }], { sections: ["Todo", "Doing"] });
  editorsProject = await createSharedProject(testDb.db, editor, [{ user: owner, role: "VIEWER" }], { name: "Ed's", sections: ["Backlog"] });
});
afterAll(() => testDb.drop());
beforeEach(async () => {
  await testDb.db.outboxEvent.deleteMany();
  await testDb.db.task.deleteMany();
  await testDb.db.tag.deleteMany();
});

async function ownersTask(title = "Shared work"): Promise<TTaskSnapshot> {
  return asOwner.task.create({ title, projectId: shared.projectId });
}

async function eventsAfter(count: number) {
  return (await readOutbox(testDb.db)).slice(count);
}

describe("an editor in the owner's project", () => {
  it("creates a task there: the editor is its creator, partition key and actor", async () => {
    const task = await asEditor.task.create({ title: "From Ed", projectId: shared.projectId, sectionId: shared.sectionIds[0], assigneeId: owner.id });
    expect(task).toMatchObject({ userId: editor.id, projectId: shared.projectId, sectionId: shared.sectionIds[0], assigneeId: owner.id });
    const [created] = await readOutbox(testDb.db);
    expect(created).toMatchObject({ type: "task.created", partitionKey: editor.id, event: { partitionkey: editor.id, actorid: editor.id } });
    // The owner sees it in the project.
    expect((await asOwner.task.list({ projectId: shared.projectId })).items.map((t) => t.id)).toEqual([task.id]);
  });

  it("updates, moves, completes and deletes the owner's task: partition key the owner, actor the editor", async () => {
    const task = await ownersTask();
    const before = await countOutbox(testDb.db);
    const updated = await asEditor.task.update({ id: task.id, expectedVersion: 1, patch: { title: "Edited by Ed" } });
    const moved = await asEditor.task.move({ id: task.id, expectedVersion: updated.version, sectionId: must(shared.sectionIds[1]), position: 7 });
    const completed = await asEditor.task.complete({ id: task.id, expectedVersion: moved.version });
    await asEditor.task.delete({ id: task.id, expectedVersion: completed.version });
    const events = await eventsAfter(before);
    expect(events.map((e) => e.type)).toEqual(["task.updated", "task.updated", "task.completed", "task.deleted"]);
    for (const { partitionKey, event } of events) {
      expect(partitionKey).toBe(owner.id);
      expect(event).toMatchObject({ partitionkey: owner.id, actorid: editor.id, subject: task.id });
    }
    expect((await asOwner.task.get({ id: task.id })).userId).toBe(owner.id);
  });
});

describe("a viewer", () => {
  it("reads the project's tasks", async () => {
    const task = await ownersTask();
    expect(await asViewer.task.get({ id: task.id })).toEqual(task);
    expect((await asViewer.task.list({ projectId: shared.projectId })).items).toEqual([task]);
  });

  it("cannot create a task in it", async () => {
    await expect(asViewer.task.create({ title: "Sneaky", projectId: shared.projectId })).rejects.toMatchObject({ code: "FORBIDDEN", message: VIEWER_MESSAGE });
    expect(await countOutbox(testDb.db)).toBe(0);
    expect(await testDb.db.task.count()).toBe(0);
  });

  it.each([
    ["update", (t: TTaskSnapshot) => asViewer.task.update({ id: t.id, expectedVersion: t.version, patch: { title: "viewer was here" } })],
    ["move", (t: TTaskSnapshot) => asViewer.task.move({ id: t.id, expectedVersion: t.version, sectionId: must(shared.sectionIds[0]), position: 1 })],
    ["reorder", (t: TTaskSnapshot) => asViewer.task.reorder({ id: t.id, expectedVersion: t.version, position: 99 })],
    ["complete", (t: TTaskSnapshot) => asViewer.task.complete({ id: t.id })],
    ["reopen", (t: TTaskSnapshot) => asViewer.task.reopen({ id: t.id })],
    ["delete", (t: TTaskSnapshot) => asViewer.task.delete({ id: t.id })],
    ["restore", (t: TTaskSnapshot) => asViewer.task.restore({ id: t.id })],
  ])("%s is FORBIDDEN and changes nothing", async (_name, call) => {
    const task = await ownersTask();
    const before = await countOutbox(testDb.db);
    await expect(call(task)).rejects.toMatchObject({ code: "FORBIDDEN", message: VIEWER_MESSAGE });
    expect(await asOwner.task.get({ id: task.id })).toEqual(task);
    expect(await countOutbox(testDb.db)).toBe(before);
  });
});

describe("a removed member", () => {
  it("gets NOT_FOUND for the project's tasks and no longer lists them", async () => {
    const former = await insertUser(testDb.db, "Rem");
    const asFormer = callerFor(testDb.db, former);
    const project = await createSharedProject(testDb.db, owner, [{ user: former, role: "EDITOR" }]);
    const task = await asOwner.task.create({ title: "Left behind", projectId: project.projectId });
    expect((await asFormer.task.get({ id: task.id })).title).toBe("Left behind");

    await removeMember(testDb.db, { projectId: project.projectId, user: former });
    const before = await countOutbox(testDb.db);
    await expect(asFormer.task.get({ id: task.id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Task not found" });
    await expect(asFormer.task.update({ id: task.id, expectedVersion: 1, patch: { title: "x" } })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Task not found" });
    await expect(asFormer.task.complete({ id: task.id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Task not found" });
    await expect(asFormer.task.move({ id: task.id, expectedVersion: 1, position: 3 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asFormer.task.list({ projectId: project.projectId })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Project not found" });
    expect((await asFormer.task.list({ status: "ALL" })).items).toEqual([]);
    expect(await asOwner.task.get({ id: task.id })).toEqual(task);
    expect(await countOutbox(testDb.db)).toBe(before);
  });
});

describe("a deleted project", () => {
  it("hides its tasks from every member until it is restored", async () => {
    const project = await createSharedProject(testDb.db, owner, [{ user: editor, role: "EDITOR" }]);
    const task = await asOwner.task.create({ title: "In the bin with its project", projectId: project.projectId });
    await testDb.db.project.update({ where: { id: project.projectId }, data: { deletedAt: new Date() } });
    const before = await countOutbox(testDb.db);
    for (const caller of [asOwner, asEditor]) {
      await expect(caller.task.get({ id: task.id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Task not found" });
      await expect(caller.task.complete({ id: task.id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Task not found" });
    }
    expect(await countOutbox(testDb.db)).toBe(before);
    await testDb.db.project.update({ where: { id: project.projectId }, data: { deletedAt: null } });
    expect(await asEditor.task.get({ id: task.id })).toEqual(task);
  });
});

describe("task.move", () => {
  it("moves within a project into a column: one task.updated naming what changed", async () => {
    const task = await ownersTask();
    const moved = await asEditor.task.move({ id: task.id, expectedVersion: 1, sectionId: must(shared.sectionIds[0]), position: 0.5 });
    expect(moved).toMatchObject({ projectId: shared.projectId, sectionId: shared.sectionIds[0], position: 0.5, version: 2 });
    const events = await eventsAfter(1);
    expect(events).toHaveLength(1);
    expect(must(events[0]).event).toMatchObject({ type: "task.updated", data: { previous: task, task: moved } });
    expect([...(must(events[0]).event.data as { changedFields: string[] }).changedFields].sort()).toEqual(["position", "sectionId"]);
    // Back to "No section".
    const back = await asEditor.task.move({ id: task.id, expectedVersion: 2, sectionId: null, position: 2 });
    expect(back).toMatchObject({ sectionId: null, position: 2, version: 3 });
  });

  it("moves to another project the mover can write to: the section and an assignee who is not a member there are dropped", async () => {
    const task = await asOwner.task.create({ title: "Travels", projectId: shared.projectId, sectionId: shared.sectionIds[0], assigneeId: viewer.id });
    const moved = await asEditor.task.move({ id: task.id, expectedVersion: 1, projectId: editorsProject.projectId, position: 1 });
    expect(moved).toMatchObject({ projectId: editorsProject.projectId, sectionId: null, assigneeId: null, position: 1, userId: owner.id });
    const [event] = await eventsAfter(1);
    expect(must(event).event).toMatchObject({ partitionkey: owner.id, actorid: editor.id, data: { changedFields: expect.arrayContaining(["projectId", "sectionId", "assigneeId"]) } });
    // The owner is only a viewer there: they see it but cannot move it back.
    expect((await asOwner.task.get({ id: task.id })).projectId).toBe(editorsProject.projectId);
    await expect(asOwner.task.move({ id: task.id, expectedVersion: 2, projectId: shared.projectId, position: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("moves into a section of the other project in the same call", async () => {
    const task = await ownersTask();
    const backlog = must(editorsProject.sectionIds[0]);
    const moved = await asEditor.task.move({ id: task.id, expectedVersion: 1, projectId: editorsProject.projectId, sectionId: backlog, position: 4 });
    expect(moved).toMatchObject({ projectId: editorsProject.projectId, sectionId: backlog, position: 4 });
  });

  it("refuses a target the mover may not write to, or a section of another project, and changes nothing", async () => {
    const task = await asEditor.task.create({ title: "Ed's", projectId: editorsProject.projectId });
    const strangersProject = await createSharedProject(testDb.db, viewer, []);
    const before = await countOutbox(testDb.db);
    // The owner's Inbox: not Ed's project at all.
    await expect(asEditor.task.move({ id: task.id, expectedVersion: 1, projectId: await inboxIdOf(testDb.db, owner), position: 1 })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Project not found" });
    await expect(asEditor.task.move({ id: task.id, expectedVersion: 1, projectId: strangersProject.projectId, position: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asEditor.task.move({ id: task.id, expectedVersion: 1, sectionId: must(shared.sectionIds[0]), position: 1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { sectionId: [expect.any(String)] } },
    });
    await expect(asEditor.task.move({ id: task.id, expectedVersion: 5, position: 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await asEditor.task.get({ id: task.id })).toEqual(task);
    expect(await countOutbox(testDb.db)).toBe(before);
  });

  it.each([
    ["a project id that is not a UUID", { projectId: "inbox" }, "projectId"],
    ["a section id that is not a UUID", { sectionId: "todo" }, "sectionId"],
    ["no position", { position: undefined }, "position"],
    ["an infinite position", { position: Number.POSITIVE_INFINITY }, "position"],
    ["an unknown key", { column: "Doing" }, ""],
  ])("refuses %s with BAD_REQUEST", async (_name, extra, field) => {
    const task = await ownersTask();
    const input = { id: task.id, expectedVersion: 1, position: 1, ...extra };
    const error = await asEditor.task.move(input as Parameters<typeof asEditor.task.move>[0]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    if (field) expect((error as Error).message).toContain(field);
    expect(await asOwner.task.get({ id: task.id })).toEqual(task);
  });
});

describe("placement input on create and update", () => {
  it("refuses a section of another project, an assignee who is not a member, and a project that is not one's own", async () => {
    const stranger = await insertUser(testDb.db, "Stan");
    await expect(asEditor.task.create({ title: "x", projectId: shared.projectId, sectionId: must(editorsProject.sectionIds[0]) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(asEditor.task.create({ title: "x", projectId: shared.projectId, assigneeId: stranger.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(testDb.db, stranger).task.create({ title: "x", projectId: shared.projectId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const task = await ownersTask();
    await expect(asEditor.task.update({ id: task.id, expectedVersion: 1, patch: { assigneeId: stranger.id } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await asOwner.task.get({ id: task.id })).toEqual(task);
    expect(await countOutbox(testDb.db)).toBe(1);
  });
});

describe("tags on a shared task", () => {
  it("a member attaches their own tag next to the owner's; everyone sees both names and colours", async () => {
    const ownersTag = await asOwner.tag.create({ name: "client", color: "#112233" });
    const editorsTag = await asEditor.tag.create({ name: "mine", color: "#445566" });
    const task = await asOwner.task.create({ title: "Tagged", projectId: shared.projectId, tagIds: [ownersTag.id] });
    const tagged = await asEditor.task.update({ id: task.id, expectedVersion: 1, patch: { tagIds: [ownersTag.id, editorsTag.id] } });
    expect(tagged.tags).toEqual([
      { id: ownersTag.id, name: "client", color: "#112233" },
      { id: editorsTag.id, name: "mine", color: "#445566" },
    ]);
    expect((await asViewer.task.get({ id: task.id })).tags).toEqual(tagged.tags);
    // Tags stay per person: the editor's tag list does not gain the owner's.
    expect((await asEditor.tag.list()).map((t) => t.name)).toEqual(["mine"]);
    // The editor may take the owner's tag off the task (it is a change to the task, like any other).
    const untagged = await asEditor.task.update({ id: task.id, expectedVersion: 2, patch: { tagIds: [editorsTag.id] } });
    expect(untagged.tags.map((t) => t.name)).toEqual(["mine"]);
  });

  it("nobody can attach another person's tag that the task does not carry", async () => {
    const ownersTag = await asOwner.tag.create({ name: "private" });
    const task = await ownersTask();
    await expect(asEditor.task.update({ id: task.id, expectedVersion: 1, patch: { tagIds: [ownersTag.id] } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asEditor.task.create({ title: "x", projectId: shared.projectId, tagIds: [ownersTag.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await asOwner.task.get({ id: task.id })).toEqual(task);
    expect(await countOutbox(testDb.db)).toBe(1);
  });

  it("tag names create the member's own tag", async () => {
    const task = await ownersTask();
    const tagged = await asEditor.task.update({ id: task.id, expectedVersion: 1, patch: { tagNames: ["urgent"] } });
    expect(tagged.tags.map((t) => t.name)).toEqual(["urgent"]);
    expect((await asEditor.tag.list()).map((t) => t.name)).toEqual(["urgent"]);
    expect(await asOwner.tag.list()).toEqual([]);
  });
});
