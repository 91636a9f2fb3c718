// Every task procedure against a real PostgreSQL: results, versions and the one outbox event
// each mutation writes (validated the way a consumer parses it).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { nextTaskPosition } from "@taskboard/db";
import type { TestDatabase } from "@taskboard/db/testing";
import type { TSessionUser } from "@/server/session-user";
import { inboxIdOf } from "@/server/testing/shared-project";
import { callerFor, countOutbox, insertUser, openTestDatabase, readOutbox, must } from "@/server/testing/test-database";

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
  await testDb.db.task.deleteMany();
  await testDb.db.tag.deleteMany();
});

async function lastEvent() {
  const events = await readOutbox(testDb.db);
  return must(events.at(-1));
}

describe("task.create", () => {
  it("gives tasks created at the same moment by one user distinct positions below the ones already there", async () => {
    const first = await api.task.create({ title: "Already there" });
    const created = await Promise.all(Array.from({ length: 8 }, (_, i) => api.task.create({ title: `Quick add ${i}` })));
    const positions = created.map((task) => task.position);
    expect(new Set(positions).size).toBe(8);
    for (const position of positions) expect(position).toBeGreaterThan(first.position);
  });

  it("a create does not wait for another create in the same project that has not committed yet", async () => {
    const inboxId = await inboxIdOf(testDb.db, user);
    // Another create's transaction (a next occurrence, another tab) has taken its position and
    // stays open; ours must go ahead at once, below it.
    await testDb.db.$transaction(
      async (tx) => {
        const held = await nextTaskPosition(tx, { projectId: inboxId });
        const started = Date.now();
        const task = await api.task.create({ title: "Meanwhile" });
        // Before #14 a per-project lock made it wait up to 3 s for the open transaction.
        expect(Date.now() - started).toBeLessThan(2_500);
        expect(task.position).toBeGreaterThan(held);
      },
      { timeout: 20_000 },
    );
  }, 30_000);

  it("creates the task and writes exactly one task.created event", async () => {
    const task = await api.task.create({ title: "  Write report ", priority: "HIGH", dueAt: "2026-06-01T09:00:00+02:00", timeZone: "Europe/Berlin" });
    expect(task).toMatchObject({
      title: "Write report",
      userId: user.id,
      status: "OPEN",
      priority: "HIGH",
      dueAt: "2026-06-01T07:00:00.000Z",
      timeZone: "Europe/Berlin",
      version: 1,
      description: "",
      seriesId: null,
      deletedAt: null,
    });
    const events = await readOutbox(testDb.db);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ topic: "task-events", type: "task.created", partitionKey: user.id });
    expect(must(events[0]).event).toMatchObject({
      source: "/taskboard/web",
      subject: task.id,
      partitionkey: user.id,
      data: { task },
    });
  });

  it("puts new tasks at the bottom unless a position is given, even below a task moved past every other", async () => {
    const a = await api.task.create({ title: "a" });
    const b = await api.task.create({ title: "b" });
    const c = await api.task.create({ title: "c", position: -5 });
    expect(b.position).toBeGreaterThan(a.position);
    expect(c.position).toBe(-5);
    const last = await api.task.reorder({ id: a.id, expectedVersion: 1, position: 1e12 });
    const d = await api.task.create({ title: "d" });
    expect(d.position).toBeGreaterThan(last.position);
  });

  it("gives a recurring task a series id and FIXED mode by default", async () => {
    const task = await api.task.create({ title: "Rent", dueAt: "2026-06-01T09:00:00Z", rrule: "FREQ=MONTHLY;BYMONTHDAY=1" });
    expect(task.rrule).toBe("FREQ=MONTHLY;BYMONTHDAY=1");
    expect(task.recurrenceMode).toBe("FIXED");
    expect(task.seriesId).toMatch(/^[0-9a-f-]{36}$/);
    expect(task.seriesStartAt).toBe("2026-06-01T09:00:00.000Z");
  });

  it.each(["FREQ=DAILY;UNTIL=20261231", "FREQ=WEEKLY;BYDAY=MO;WKST=MO", "FREQ=YEARLY;BYMONTH=1,6;BYMONTHDAY=1"])(
    "accepts %s, which the recurrence worker schedules, and completes it",
    async (rrule) => {
      const task = await api.task.create({ title: "Rule", dueAt: "2026-06-01T09:00:00Z", rrule });
      expect(task.rrule).toBe(rrule);
      await api.task.complete({ id: task.id });
      expect((await lastEvent()).event).toMatchObject({ type: "task.completed", data: { task: { id: task.id, rrule } } });
    },
  );

  it("refuses a rule the worker could not schedule, with a 400 naming what is unsupported", async () => {
    await expect(api.task.create({ title: "Rule", dueAt: "2026-06-01T09:00:00Z", rrule: "FREQ=YEARLY;BYMONTH=1,6;BYDAY=1MO" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/BYDAY takes a single BYMONTH/),
    });
    expect(await countOutbox(testDb.db)).toBe(0);
  });

  it("attaches existing tags by id and creates missing ones by name (case-insensitive)", async () => {
    const home = await api.tag.create({ name: "Home", color: "#112233" });
    const task = await api.task.create({ title: "Pay rent", tagIds: [home.id], tagNames: ["home", "bills"] });
    expect(task.tags.map((t) => t.name)).toEqual(["bills", "Home"].sort());
    expect(task.tags.find((t) => t.name === "Home")).toEqual({ id: home.id, name: "Home", color: "#112233" });
    const tags = await api.tag.list();
    expect(tags.map((t) => t.name)).toEqual(["bills", "Home"]);
  });
});

describe("task.get", () => {
  it("returns the task, also once it is deleted", async () => {
    const task = await api.task.create({ title: "x" });
    expect(await api.task.get({ id: task.id })).toEqual(task);
    await api.task.delete({ id: task.id });
    expect((await api.task.get({ id: task.id })).deletedAt).not.toBeNull();
  });

  it("is NOT_FOUND for an unknown id", async () => {
    await expect(api.task.get({ id: "6f1c2a34-1b2c-4d5e-8f90-123456789abc" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("task.update", () => {
  it("applies the patch, bumps the version and writes previous + new snapshot + changed fields", async () => {
    const created = await api.task.create({ title: "Old", tagNames: ["a"] });
    const updated = await api.task.update({
      id: created.id,
      expectedVersion: 1,
      patch: { title: "New", description: "details", tagNames: ["b"] },
    });
    expect(updated).toMatchObject({ title: "New", description: "details", version: 2 });
    expect(updated.tags.map((t) => t.name)).toEqual(["b"]);
    const event = await lastEvent();
    expect(event.type).toBe("task.updated");
    expect(event.event.data).toEqual({
      previous: created,
      task: updated,
      changedFields: ["title", "description", "tags"],
    });
  });

  it("returns the task unchanged, without a new version or event, when the patch changes nothing", async () => {
    const created = await api.task.create({ title: "Same", priority: "LOW" });
    const result = await api.task.update({ id: created.id, expectedVersion: 1, patch: { title: "Same", priority: "LOW" } });
    expect(result).toEqual(created);
    expect(await countOutbox(testDb.db)).toBe(1);
  });

  it("refuses a stale version with a CONFLICT naming both versions and changes nothing", async () => {
    const created = await api.task.create({ title: "v1" });
    await api.task.update({ id: created.id, expectedVersion: 1, patch: { title: "v2" } });
    await api.task.update({ id: created.id, expectedVersion: 2, patch: { title: "v3" } });
    await expect(api.task.update({ id: created.id, expectedVersion: 2, patch: { title: "stale" } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This task was changed elsewhere (you have version 2, it is now at 3). Reload to see the latest.",
    });
    expect((await api.task.get({ id: created.id })).title).toBe("v3");
    expect(await countOutbox(testDb.db)).toBe(3);
  });

  it("lets exactly one of two concurrent updates at the same version win", async () => {
    const created = await api.task.create({ title: "race" });
    const results = await Promise.allSettled([
      api.task.update({ id: created.id, expectedVersion: 1, patch: { title: "left" } }),
      api.task.update({ id: created.id, expectedVersion: 1, patch: { title: "right" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "CONFLICT" });
    const task = await api.task.get({ id: created.id });
    expect(task.version).toBe(2);
    expect(await countOutbox(testDb.db)).toBe(2);
  });

  it("refuses a merged state that breaks a rule (relative reminder without due date)", async () => {
    const created = await api.task.create({ title: "r", dueAt: "2026-06-01T09:00:00Z", remindBeforeMinutes: 15 });
    await expect(api.task.update({ id: created.id, expectedVersion: 1, patch: { dueAt: null } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { remindBeforeMinutes: [expect.any(String)] } },
    });
    expect(await api.task.get({ id: created.id })).toEqual(created);
  });

  it("cannot edit a deleted task", async () => {
    const created = await api.task.create({ title: "gone" });
    await api.task.delete({ id: created.id });
    await expect(api.task.update({ id: created.id, expectedVersion: 2, patch: { title: "x" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("task.reorder", () => {
  it("moves the task and emits task.updated with changedFields [position]", async () => {
    const created = await api.task.create({ title: "move me" });
    const moved = await api.task.reorder({ id: created.id, expectedVersion: 1, position: 0.5 });
    expect(moved).toMatchObject({ position: 0.5, version: 2 });
    const event = await lastEvent();
    expect(event.type).toBe("task.updated");
    expect(event.event.data).toMatchObject({ changedFields: ["position"] });
  });
});

describe("complete / reopen / delete / restore", () => {
  it("each writes its own event type and bumps the version", async () => {
    const task = await api.task.create({ title: "cycle" });
    const completed = await api.task.complete({ id: task.id, expectedVersion: 1 });
    expect(completed).toMatchObject({ status: "COMPLETED", version: 2 });
    expect(completed.completedAt).not.toBeNull();
    const reopened = await api.task.reopen({ id: task.id });
    expect(reopened).toMatchObject({ status: "OPEN", completedAt: null, version: 3 });
    const deleted = await api.task.delete({ id: task.id, expectedVersion: 3 });
    expect(deleted.deletedAt).not.toBeNull();
    const restored = await api.task.restore({ id: task.id });
    expect(restored).toMatchObject({ deletedAt: null, version: 5 });

    const events = await readOutbox(testDb.db);
    expect(events.map((e) => e.type)).toEqual(["task.created", "task.completed", "task.reopened", "task.deleted", "task.restored"]);
    expect(events.map((e) => (e.event.data as { task: { version: number } }).task.version)).toEqual([1, 2, 3, 4, 5]);
    for (const { event } of events) {
      expect(event.subject).toBe(task.id);
      expect(event.partitionkey).toBe(user.id);
    }
  });

  it("repeating a transition is a no-op: same snapshot, no new version, no event", async () => {
    const task = await api.task.create({ title: "twice" });
    const first = await api.task.complete({ id: task.id });
    expect(await api.task.complete({ id: task.id })).toEqual(first);
    const reopened = await api.task.reopen({ id: task.id });
    expect(await api.task.reopen({ id: task.id })).toEqual(reopened);
    expect(await api.task.restore({ id: task.id })).toEqual(reopened);
    const deleted = await api.task.delete({ id: task.id });
    expect(await api.task.delete({ id: task.id })).toEqual(deleted);
    expect((await readOutbox(testDb.db)).map((e) => e.type)).toEqual(["task.created", "task.completed", "task.reopened", "task.deleted"]);
  });

  it("a stale expectedVersion is a CONFLICT even for a transition", async () => {
    const task = await api.task.create({ title: "stale" });
    await api.task.update({ id: task.id, expectedVersion: 1, patch: { title: "newer" } });
    await expect(api.task.complete({ id: task.id, expectedVersion: 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await api.task.get({ id: task.id })).status).toBe("OPEN");
  });

  it("a deleted task cannot be completed", async () => {
    const task = await api.task.create({ title: "deleted" });
    await api.task.delete({ id: task.id });
    await expect(api.task.complete({ id: task.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("signed out", () => {
  it("every task procedure is UNAUTHORIZED", async () => {
    const anonymous = callerFor(testDb.db, null);
    await expect(anonymous.task.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.task.create({ title: "x" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.user.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await countOutbox(testDb.db)).toBe(0);
  });
});

describe("user.me", () => {
  it("returns the signed-in user", async () => {
    expect(await api.user.me()).toEqual({ id: user.id, name: user.name, email: user.email });
  });
});
