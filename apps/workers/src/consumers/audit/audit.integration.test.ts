// The audit consumers on the real embedded bus and relay: one immutable entry per event, with
// actor, snapshots and diff; duplicates change nothing; the database refuses rewrites.
import { listAuditEntries } from "@taskboard/db";
import { waitFor } from "@taskboard/events/contract";
import { TOPICS } from "@taskboard/events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTask, insertTag, insertUser, openHarness, transitionTask, updateTask, type Harness } from "../testing/consumer-harness.ts";
import { recurrenceConsumer } from "../recurrence/recurrence.consumer.ts";
import { auditRemindersConsumer, auditTaskEventsConsumer } from "./audit.consumer.ts";

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.stop());

const entriesOf = (userId: string) =>
  listAuditEntries(harness.db, { userId, filter: {}, after: null, limit: 100 }).then((rows) => rows.reverse());

describe("audit consumer", () => {
  it("records one entry per event with actor, version, snapshots and a field-level diff", async () => {
    await harness.start([auditTaskEventsConsumer, auditRemindersConsumer]);
    const user = await insertUser(harness.db);
    const tag = await insertTag(harness.db, user, "home");
    const task = await createTask(harness.db, user, { title: "Pay rent", priority: "MEDIUM" }, [tag]);
    await updateTask(harness.db, task, { priority: "HIGH", dueAt: new Date("2026-03-02T08:00:00Z") });
    await transitionTask(harness.db, task, "complete");
    await waitFor("three entries", async () => (await entriesOf(user)).length === 3);

    const [created, updated, completed] = await entriesOf(user);
    expect(created).toMatchObject({ type: "task.created", actor: user, taskId: task.id, version: 1, previous: null });
    expect(created?.diff).toEqual(
      expect.arrayContaining([
        { field: "title", before: null, after: "Pay rent" },
        { field: "priority", before: null, after: "MEDIUM" },
        { field: "tags", before: null, after: ["home"] },
      ]),
    );
    expect(updated).toMatchObject({ type: "task.updated", version: 2 });
    expect(updated?.diff).toEqual([
      { field: "priority", before: "MEDIUM", after: "HIGH" },
      { field: "dueAt", before: null, after: "2026-03-02T08:00:00.000Z" },
    ]);
    expect(updated?.previous).toMatchObject({ priority: "MEDIUM", version: 1 });
    expect(updated?.snapshot).toMatchObject({ priority: "HIGH", version: 2 });
    // A transition carries no "before": it comes from the trail.
    expect(completed).toMatchObject({ type: "task.completed", version: 3, previous: { version: 2, status: "OPEN" } });
    expect(completed?.diff).toEqual([
      { field: "status", before: "OPEN", after: "COMPLETED" },
      { field: "completedAt", before: null, after: expect.any(String) },
    ]);
  });

  it("names the consumer as actor for an event another event caused, and keeps the chain", async () => {
    await harness.start([auditTaskEventsConsumer, recurrenceConsumer]);
    const user = await insertUser(harness.db);
    const task = await createTask(harness.db, user, { title: "Stand-up", rrule: "FREQ=DAILY", dueAt: new Date("2026-05-04T07:00:00Z") });
    await transitionTask(harness.db, task, "complete");
    await waitFor("three entries", async () => (await entriesOf(user)).length === 3);
    const [, completion, next] = await entriesOf(user);
    expect(next).toMatchObject({ type: "task.created", actor: "recurrence", causationId: completion?.eventId, correlationId: completion?.correlationId });
    expect(next?.taskId).not.toBe(task.id);
  });

  it("writes one entry when the same event is delivered twice", async () => {
    const workers = await harness.start([auditTaskEventsConsumer]);
    const user = await insertUser(harness.db);
    await createTask(harness.db, user, { title: "Once" });
    await waitFor("the entry", async () => (await entriesOf(user)).length === 1);
    const outbox = await harness.db.outboxEvent.findFirstOrThrow();
    await workers.bus.publish(TOPICS.taskEvents, [outbox.event as never]);
    await workers.bus.publish(TOPICS.taskEvents, [outbox.event as never]);
    await waitFor("both redeliveries handled", async () => (await harness.db.processedEvent.count()) === 1 && (await jobsLeft()) === 0);
    expect(await entriesOf(user)).toHaveLength(1);
  });

  it("is refused UPDATE, DELETE and TRUNCATE by the database itself", async () => {
    await harness.start([auditTaskEventsConsumer]);
    const user = await insertUser(harness.db);
    await createTask(harness.db, user, { title: "Immutable" });
    await waitFor("the entry", async () => (await entriesOf(user)).length === 1);
    await expect(harness.db.$executeRawUnsafe(`UPDATE audit_entries SET actor = 'mallory'`)).rejects.toThrow(/append-only/);
    await expect(harness.db.$executeRawUnsafe(`DELETE FROM audit_entries`)).rejects.toThrow(/append-only/);
    await expect(harness.db.$executeRawUnsafe(`TRUNCATE audit_entries`)).rejects.toThrow(/append-only/);
    await expect(harness.db.auditEntry.deleteMany({})).rejects.toThrow();
    expect(await entriesOf(user)).toEqual([expect.objectContaining({ actor: user })]);
  });
});

async function jobsLeft(): Promise<number> {
  const rows = await harness.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM graphile_worker.jobs`);
  return Number(rows[0]?.n ?? 0);
}
