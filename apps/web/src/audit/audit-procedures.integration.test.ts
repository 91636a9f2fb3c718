// audit.list against a real database: only the signed-in user's entries, newest first, filters,
// keyset pages that neither skip nor repeat, and the cause of system-made entries.
import { randomUUID } from "node:crypto";
import { insertAuditEntry, type AuditEntryInput } from "@taskboard/db";
import type { TestDatabase } from "@taskboard/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, insertUser, openTestDatabase } from "@/server/testing/test-database";
import { inboxOf, insertTask } from "./testing/history-fixtures";
import type { TSessionUser } from "@/server/session-user";

let testDb: TestDatabase;
let alice: TSessionUser;
let bob: TSessionUser;
const aliceTask = randomUUID();
const otherTask = randomUUID();

function entry(user: TSessionUser, overrides: Partial<AuditEntryInput>): AuditEntryInput {
  const eventId = randomUUID();
  return {
    id: randomUUID(),
    eventId,
    userId: user.id,
    type: "task.updated",
    actor: user.id,
    taskId: aliceTask,
    version: 1,
    occurredAt: new Date(),
    correlationId: eventId,
    causationId: eventId,
    previous: { title: "Before" },
    snapshot: { title: "After" },
    diff: [{ field: "title", before: "Before", after: "After" }],
    ...overrides,
  };
}

beforeAll(async () => {
  testDb = await openTestDatabase();
  alice = await insertUser(testDb.db, "Alice");
  bob = await insertUser(testDb.db, "Bob");
  const inbox = await inboxOf(testDb.db, alice);
  await insertTask(testDb.db, alice, inbox, "Alice's task", aliceTask);
  await insertTask(testDb.db, alice, inbox, "Another task", otherTask);
  const start = Date.parse("2026-05-01T00:00:00Z");
  // 25 entries of Alice's, one minute apart; two of them share an instant (the id breaks the tie).
  for (let i = 0; i < 25; i++) {
    await insertAuditEntry(
      testDb.db,
      entry(alice, {
        type: i === 0 ? "task.created" : i % 5 === 0 ? "task.completed" : "task.updated",
        taskId: i % 2 === 0 ? aliceTask : otherTask,
        version: i + 1,
        occurredAt: new Date(start + Math.min(i, 23) * 60_000),
      }),
    );
  }
});
afterAll(() => testDb.drop());

describe("audit.list", () => {
  it("shows user B none of user A's entries, by any filter", async () => {
    const asBob = callerFor(testDb.db, bob);
    expect((await asBob.audit.list()).items).toEqual([]);
    // A task of someone else's project is no task of Bob's: the same answer as a missing one.
    await expect(asBob.audit.list({ taskId: aliceTask })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Task not found" });
    expect(await callerFor(testDb.db, null).audit.list().catch((e: { code: string }) => e.code)).toBe("UNAUTHORIZED");
  });

  it("pages newest first without gaps or repeats", async () => {
    const asAlice = callerFor(testDb.db, alice);
    const seen: string[] = [];
    const times: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof asAlice.audit.list>> = await asAlice.audit.list({ limit: 7, cursor });
      seen.push(...page.items.map((item) => item.id));
      times.push(...page.items.map((item) => item.occurredAt));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(25);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("filters by event type, task and date range", async () => {
    const asAlice = callerFor(testDb.db, alice);
    const completed = await asAlice.audit.list({ types: ["task.completed"] });
    expect(completed.items.map((item) => item.version)).toEqual([21, 16, 11, 6]);
    const ofTask = await asAlice.audit.list({ taskId: otherTask, limit: 100 });
    expect(ofTask.items.every((item) => item.taskId === otherTask)).toBe(true);
    expect(ofTask.items).toHaveLength(12);
    const window = await asAlice.audit.list({ from: "2026-05-01T00:02:00Z", to: "2026-05-01T00:04:00Z" });
    expect(window.items.map((item) => item.version)).toEqual([5, 4, 3]);
  });

  it("says 'you' for the user's own actions and names what caused a system-made entry", async () => {
    const asAlice = callerFor(testDb.db, alice);
    const completion = entry(alice, { type: "task.completed", occurredAt: new Date("2026-06-01T00:00:00Z") });
    await insertAuditEntry(testDb.db, completion);
    const next = randomUUID();
    await insertAuditEntry(
      testDb.db,
      entry(alice, {
        type: "task.created",
        actor: "recurrence",
        taskId: next,
        occurredAt: new Date("2026-06-01T00:00:01Z"),
        causationId: completion.eventId,
        correlationId: completion.correlationId,
        snapshot: { title: "Stand-up" },
        previous: null,
      }),
    );
    const [created, completed] = (await asAlice.audit.list({ limit: 2 })).items;
    expect(created).toMatchObject({ actor: "recurrence", actorName: "Repeat", taskId: next, taskTitle: "Stand-up", causedBy: { type: "task.completed", taskId: aliceTask } });
    expect(completed).toMatchObject({ actor: "you", actorName: "You", causedBy: null });
  });

  it("gives a reminder entry its instant and a task entry none", async () => {
    const asAlice = callerFor(testDb.db, alice);
    const fireAt = "2026-07-01T12:57:00.000Z";
    await insertAuditEntry(
      testDb.db,
      entry(alice, {
        type: "reminder.scheduled",
        actor: "reminders",
        occurredAt: new Date("2026-07-01T00:00:00Z"),
        previous: null,
        snapshot: { taskId: aliceTask, title: "Call mum", fireAt, previousFireAt: null },
        diff: [{ field: "reminder", before: null, after: fireAt }],
      }),
    );
    const [reminder, task] = (await asAlice.audit.list({ limit: 2 })).items;
    expect(reminder).toMatchObject({ type: "reminder.scheduled", taskTitle: "Call mum", reminderAt: fireAt });
    expect(task).toMatchObject({ reminderAt: null });
  });

  it("rejects a mangled cursor and an inverted range with a message", async () => {
    const asAlice = callerFor(testDb.db, alice);
    await expect(asAlice.audit.list({ cursor: "nope" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(asAlice.audit.list({ from: "2026-05-02T00:00:00Z", to: "2026-05-01T00:00:00Z" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("to must not be before from"),
    });
  });
});
