// User B can neither see nor change anything of user A: every path answers NOT_FOUND (the same
// as for an id that does not exist) and nothing of A's changes or gets an event.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@taskboard/db/testing";
import type { TTaskSnapshot } from "@taskboard/events";
import { callerFor, countOutbox, insertUser, openTestDatabase } from "@/server/testing/test-database";

let testDb: TestDatabase;
let alice: ReturnType<typeof callerFor>;
let bob: ReturnType<typeof callerFor>;
let task: TTaskSnapshot;
let deletedTask: TTaskSnapshot;
let tagId: string;
let bobsTask: TTaskSnapshot;

beforeAll(async () => {
  testDb = await openTestDatabase();
  alice = callerFor(testDb.db, await insertUser(testDb.db, "Alice"));
  bob = callerFor(testDb.db, await insertUser(testDb.db, "Bob"));
  tagId = (await alice.tag.create({ name: "private" })).id;
  task = await alice.task.create({ title: "Alice's secret", tagIds: [tagId] });
  deletedTask = await alice.task.delete({ id: (await alice.task.create({ title: "Alice's bin" })).id });
  bobsTask = await bob.task.create({ title: "Bob's" });
});
afterAll(() => testDb.drop());

describe("user B against user A's things", () => {
  it.each([
    ["get", () => bob.task.get({ id: task.id })],
    ["update", () => bob.task.update({ id: task.id, expectedVersion: 1, patch: { title: "pwned" } })],
    ["reorder", () => bob.task.reorder({ id: task.id, expectedVersion: 1, position: 0 })],
    ["move", () => bob.task.move({ id: task.id, expectedVersion: 1, position: 0 })],
    ["move B's task into A's Inbox", () => bob.task.move({ id: bobsTask.id, expectedVersion: 1, projectId: task.projectId, position: 0 })],
    ["list A's Inbox", () => bob.task.list({ projectId: task.projectId })],
    ["complete", () => bob.task.complete({ id: task.id })],
    ["reopen", () => bob.task.reopen({ id: task.id })],
    ["delete", () => bob.task.delete({ id: task.id })],
    ["restore", () => bob.task.restore({ id: deletedTask.id })],
    ["tag.update", () => bob.tag.update({ id: tagId, name: "mine" })],
    ["tag.delete", () => bob.tag.delete({ id: tagId })],
    ["create with A's tag", () => bob.task.create({ title: "x", tagIds: [tagId] })],
  ])("%s is NOT_FOUND and changes nothing", async (_name, call) => {
    const eventsBefore = await countOutbox(testDb.db);
    await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await alice.task.get({ id: task.id })).toEqual(task);
    expect(await alice.task.get({ id: deletedTask.id })).toEqual(deletedTask);
    expect((await alice.tag.list()).map((t) => t.name)).toEqual(["private"]);
    expect(await countOutbox(testDb.db)).toBe(eventsBefore);
  });

  it("B's own task cannot take A's tag through update", async () => {
    await expect(bob.task.update({ id: bobsTask.id, expectedVersion: 1, patch: { tagIds: [tagId] } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await bob.task.get({ id: bobsTask.id })).tags).toEqual([]);
  });

  it("a foreign id and a made-up id give the same answer", async () => {
    const foreign = await bob.task.get({ id: task.id }).catch((e: Error) => e.message);
    const missing = await bob.task.get({ id: "00000000-0000-4000-8000-000000000000" }).catch((e: Error) => e.message);
    expect(foreign).toBe(missing);
  });

  it("B's lists show none of A's tasks or tags, and A's tag name is free for B", async () => {
    expect((await bob.task.list({ status: "ALL" })).items.map((t) => t.title)).toEqual(["Bob's"]);
    expect(await bob.tag.list()).toEqual([]);
    await expect(bob.tag.create({ name: "private" })).resolves.toMatchObject({ name: "private" });
  });
});
