// The outbox invariant: each mutation commits its change and exactly one valid CloudEvent
// together, or neither. A trigger makes the outbox insert fail after the task write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@taskboard/db/testing";
import type { TTaskSnapshot } from "@taskboard/events";
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
let api: ReturnType<typeof callerFor>;

beforeAll(async () => {
  testDb = await openTestDatabase();
  api = callerFor(testDb.db, await insertUser(testDb.db, "Outboxer"));
});
afterAll(() => testDb.drop());

describe("one mutation, one event, one transaction", () => {
  it("every mutation writes exactly one outbox row that parses as a CloudEvent of its type", async () => {
    const steps: [string, () => Promise<TTaskSnapshot>][] = [];
    let task!: TTaskSnapshot;
    steps.push(["task.created", async () => (task = await api.task.create({ title: "events" }))]);
    steps.push(["task.updated", () => api.task.update({ id: task.id, expectedVersion: 1, patch: { priority: "HIGH" } })]);
    steps.push(["task.updated", () => api.task.reorder({ id: task.id, expectedVersion: 2, position: 9 })]);
    steps.push(["task.completed", () => api.task.complete({ id: task.id })]);
    steps.push(["task.reopened", () => api.task.reopen({ id: task.id })]);
    steps.push(["task.deleted", () => api.task.delete({ id: task.id })]);
    steps.push(["task.restored", () => api.task.restore({ id: task.id })]);
    for (const [type, step] of steps) {
      const before = await countOutbox(testDb.db);
      const snapshot = await step();
      const events = await readOutbox(testDb.db);
      expect(events).toHaveLength(before + 1);
      const last = must(events.at(-1));
      expect(last.type).toBe(type);
      expect(last.event.type).toBe(type);
      expect(last.event.specversion).toBe("1.0");
      expect(last.event.id).toBe(last.event.causationid);
      expect((last.event.data as { task: TTaskSnapshot }).task).toEqual(snapshot);
    }
  });

  it("a failing outbox write rolls back the task change of every mutation", async () => {
    const task = await api.task.create({ title: "stays as it is" });
    const eventsBefore = await countOutbox(testDb.db);
    const tasksBefore = await testDb.db.task.count();
    await withBrokenOutbox(testDb.db, async () => {
      await expect(api.task.create({ title: "never saved" })).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
      await expect(api.task.update({ id: task.id, expectedVersion: 1, patch: { title: "never" } })).rejects.toThrow();
      await expect(api.task.complete({ id: task.id })).rejects.toThrow();
      await expect(api.task.delete({ id: task.id })).rejects.toThrow();
      await expect(api.task.create({ title: "tag never saved", tagNames: ["ghost"] })).rejects.toThrow();
    });
    expect(await testDb.db.task.count()).toBe(tasksBefore);
    expect(await api.task.get({ id: task.id })).toEqual(task);
    expect(await countOutbox(testDb.db)).toBe(eventsBefore);
    expect((await api.tag.list()).map((t) => t.name)).not.toContain("ghost");
  });
});
