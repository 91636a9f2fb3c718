// A tag is part of the snapshot of every task carrying it: renaming, recolouring or deleting it
// writes one task.updated per such task (snapshot before and after, changedFields ["tags"]) with a
// new version, in the same transaction as the tag change. Tasks without the tag stay as they are.
import { randomUUID } from "node:crypto";
import { findInboxId } from "@taskboard/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@taskboard/db/testing";
import type { TTaskSnapshot } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import {
  callerFor,
  countOutbox,
  insertUser,
  must,
  openTestDatabase,
  readOutbox,
  withBrokenOutbox,
} from "@/server/testing/test-database";

let testDb: TestDatabase;
let user: TSessionUser;
let api: ReturnType<typeof callerFor>;

beforeAll(async () => {
  testDb = await openTestDatabase();
  user = await insertUser(testDb.db, "Retagger");
  api = callerFor(testDb.db, user);
});
afterAll(() => testDb.drop());

interface TaskUpdated {
  previous: TTaskSnapshot;
  task: TTaskSnapshot;
  changedFields: string[];
}

/** Runs `change` and returns the outbox rows it wrote. */
async function eventsOf(change: () => Promise<unknown>) {
  const before = await countOutbox(testDb.db);
  await change();
  return (await readOutbox(testDb.db)).slice(before);
}

/** A tag on an open, a completed and a deleted task, and a task without it. */
async function taggedTasks(name: string) {
  const tag = await api.tag.create({ name });
  const open = await api.task.create({ title: `${name}: open`, tagIds: [tag.id] });
  const done = await api.task.create({ title: `${name}: done`, tagIds: [tag.id] });
  const gone = await api.task.create({ title: `${name}: deleted`, tagIds: [tag.id] });
  await api.task.complete({ id: done.id });
  await api.task.delete({ id: gone.id });
  const untagged = await api.task.create({ title: `${name}: untagged` });
  const carriers = await Promise.all([open, done, gone].map(({ id }) => api.task.get({ id })));
  return { tag, carriers, untagged };
}

/** One task.updated per carrier: its snapshot before, its snapshot now, a new version. */
async function expectOneUpdatePerTask(events: Awaited<ReturnType<typeof eventsOf>>, carriers: TTaskSnapshot[]) {
  expect(events.map((e) => e.type).sort()).toEqual(carriers.map(() => "task.updated"));
  for (const before of carriers) {
    const event = must(events.find((e) => e.event.subject === before.id), `the event of ${before.title}`);
    const data = event.event.data as TaskUpdated;
    const now = await api.task.get({ id: before.id });
    expect(event.partitionKey).toBe(user.id);
    expect(data.changedFields).toEqual(["tags"]);
    expect(data.previous).toEqual(before);
    expect(data.task).toEqual(now);
    expect(now.version).toBe(before.version + 1);
  }
}

describe("tag changes are task changes", () => {
  it("renaming a tag writes one task.updated per task carrying it", async () => {
    const { tag, carriers, untagged } = await taggedTasks("home");
    const events = await eventsOf(() => api.tag.update({ id: tag.id, name: "house" }));
    await expectOneUpdatePerTask(events, carriers);
    for (const { id } of carriers) {
      expect((await api.task.get({ id })).tags).toEqual([{ id: tag.id, name: "house", color: tag.color }]);
    }
    expect(await api.task.get({ id: untagged.id })).toEqual(untagged);
  });

  it("recolouring does too; saving a tag as it is changes no task", async () => {
    const { tag, carriers } = await taggedTasks("work");
    await expectOneUpdatePerTask(await eventsOf(() => api.tag.update({ id: tag.id, color: "#FF0000" })), carriers);
    const recoloured = await Promise.all(carriers.map(({ id }) => api.task.get({ id })));
    expect(await eventsOf(() => api.tag.update({ id: tag.id, name: "work", color: "#ff0000" }))).toEqual([]);
    expect(await Promise.all(carriers.map(({ id }) => api.task.get({ id })))).toEqual(recoloured);
  });

  it("deleting a tag writes one task.updated per task that carried it, the last event of each its state", async () => {
    const { tag, carriers, untagged } = await taggedTasks("errands");
    const events = await eventsOf(() => api.tag.delete({ id: tag.id }));
    await expectOneUpdatePerTask(events, carriers);
    for (const { id } of carriers) expect((await api.task.get({ id })).tags).toEqual([]);
    expect(await api.task.get({ id: untagged.id })).toEqual(untagged);
  });

  it("all or nothing: when the events cannot be written, the tag and its tasks stay as they were", async () => {
    const { tag, carriers } = await taggedTasks("garden");
    await withBrokenOutbox(testDb.db, async () => {
      await expect(api.tag.update({ id: tag.id, name: "yard" })).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
      await expect(api.tag.delete({ id: tag.id })).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    });
    expect((await api.tag.list()).find((t) => t.id === tag.id)).toMatchObject({ name: "garden", taskCount: 2 });
    expect(await Promise.all(carriers.map(({ id }) => api.task.get({ id })))).toEqual(carriers);
  });

  it("a tag on more tasks than one statement takes: one event and one new version each", async () => {
    const tag = await api.tag.create({ name: "bulk" });
    const ids = Array.from({ length: 1_201 }, () => randomUUID());
    const projectId = await findInboxId(testDb.db, user.id);
    await testDb.db.task.createMany({ data: ids.map((id, n) => ({ id, userId: user.id, projectId, title: `bulk ${n}` })) });
    await testDb.db.taskTag.createMany({ data: ids.map((taskId) => ({ taskId, tagId: tag.id })) });
    const events = await eventsOf(() => api.tag.delete({ id: tag.id }));
    expect(new Set(events.map((e) => e.event.subject))).toEqual(new Set(ids));
    expect(events.every((e) => e.type === "task.updated")).toBe(true);
    const versions = await testDb.db.task.groupBy({ by: ["version"], where: { id: { in: ids } }, _count: true });
    expect(versions).toEqual([{ version: 2, _count: 1_201 }]);
  });
});
