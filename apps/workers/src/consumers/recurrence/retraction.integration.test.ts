// Undo of a completion on the real embedded bus and relay: reopening a completed recurring task
// retracts the next occurrence its completion created (task.deleted caused by the reopen, in the
// history), keeps it when it changed since (and says so), copes with a reopen that overtakes its
// completion, and completing again brings the next occurrence back.
import { TOPICS, parseEvent, type TCloudEvent, type TTaskSnapshot } from "@taskboard/events";
import { waitFor } from "@taskboard/events/contract";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsumerSubscription } from "../../runtime/consumer-subscription.ts";
import { auditTaskEventsConsumer } from "../audit/audit.consumer.ts";
import { createTask, insertUser, must, openHarness, transitionTask, updateTask, type Harness } from "../testing/consumer-harness.ts";
import { recurrenceConsumer } from "./recurrence.consumer.ts";

const STANDUP = { title: "standup", rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", timeZone: "America/New_York" };
const MONDAY_0930 = new Date("2026-05-04T13:30:00Z");

let harness: Harness;
let user: string;
beforeAll(async () => {
  harness = await openHarness();
  await harness.start([recurrenceConsumer, auditTaskEventsConsumer]);
  user = await insertUser(harness.db);
});
afterAll(() => harness.stop());

/** The outbox's latest event of `type` about `taskId`. */
async function latestEvent(type: string, taskId: string): Promise<TCloudEvent> {
  const rows = await harness.db.outboxEvent.findMany({ where: { type }, orderBy: { sequence: "desc" } });
  const row = must(rows.find((r) => (r.event as { subject: string }).subject === taskId), `${type} of ${taskId}`);
  const parsed = parseEvent(row.event);
  if (!parsed.ok) throw parsed.error;
  return parsed.event;
}

async function handled(consumer: string, eventId: string): Promise<void> {
  await waitFor(`${consumer} handled ${eventId}`, async () =>
    Boolean(await harness.db.processedEvent.findFirst({ where: { consumer, eventId } })),
  );
}

/** Completes `task` as the web does and waits until the recurrence consumer has handled it. */
async function complete(task: TTaskSnapshot): Promise<TCloudEvent> {
  await transitionTask(harness.db, task, "complete");
  const event = await latestEvent("task.completed", task.id);
  await handled("recurrence", event.id);
  return event;
}

/** Reopens `task` as the web's Undo does and waits until the series shows `open` live tasks. */
async function undo(task: TTaskSnapshot, open: number): Promise<TCloudEvent> {
  await transitionTask(harness.db, task, "reopen");
  const event = await latestEvent("task.reopened", task.id);
  await waitFor(`${open} open "${task.title}" on the board after the undo`, async () => (await liveTasks(task.seriesId)).length === open);
  await handled("recurrence", event.id);
  return event;
}

/** What the board shows of the series: its live tasks. */
async function liveTasks(seriesId: string | null) {
  return harness.db.task.findMany({ where: { seriesId: must(seriesId, "a series"), deletedAt: null }, orderBy: { createdAt: "asc" } });
}

describe.each(["FIXED", "FROM_COMPLETION"] as const)("undo of a completion, %s", (recurrenceMode) => {
  it("retracts the untouched next occurrence, with the reopen as its cause, in the history", async () => {
    const task = await createTask(harness.db, user, { ...STANDUP, recurrenceMode, dueAt: MONDAY_0930 });
    await complete(task);
    const next = must((await liveTasks(task.seriesId))[1], "the next occurrence");

    const reopen = await undo(task, 1);
    const live = await liveTasks(task.seriesId);
    expect(live.map((t) => [t.id, t.status])).toEqual([[task.id, "OPEN"]]);
    const gone = await harness.db.task.findUniqueOrThrow({ where: { id: next.id } });
    expect(gone.deletedAt).not.toBeNull();

    const deleted = await latestEvent("task.deleted", next.id);
    expect(deleted).toMatchObject({
      source: "/taskboard/workers/recurrence",
      causationid: reopen.id,
      correlationid: reopen.correlationid,
      data: { task: { id: next.id, deletedAt: expect.any(String) } },
    });
    await handled("audit", deleted.id);
    expect(await harness.db.auditEntry.findUniqueOrThrow({ where: { eventId: deleted.id } })).toMatchObject({
      type: "task.deleted",
      actor: "recurrence",
      taskId: next.id,
      causationId: reopen.id,
      correlationId: reopen.correlationid,
    });
  });

  it("creates the next occurrence again when the reopened task is completed again", async () => {
    const task = await createTask(harness.db, user, { ...STANDUP, recurrenceMode, dueAt: MONDAY_0930 });
    await complete(task);
    const first = must((await liveTasks(task.seriesId))[1], "the next occurrence");
    await undo(task, 1);
    await complete(task);
    const live = await liveTasks(task.seriesId);
    expect(live).toHaveLength(2);
    expect(live[1]?.id).not.toBe(first.id);
    if (recurrenceMode === "FIXED") expect(live[1]?.dueAt?.toISOString()).toBe("2026-05-05T13:30:00.000Z");
  });

  it("keeps a next occurrence that changed since it was created, and says so", async () => {
    const task = await createTask(harness.db, user, { ...STANDUP, recurrenceMode, dueAt: MONDAY_0930 });
    await complete(task);
    const next = must((await liveTasks(task.seriesId))[1], "the next occurrence");
    await updateTask(harness.db, next, { title: "standup (with the client)" });

    await transitionTask(harness.db, task, "reopen");
    const reopen = await latestEvent("task.reopened", task.id);
    await waitFor("the kept next occurrence reported", async () => Boolean(await latestEvent("task.next-occurrence-kept", task.id).catch(() => null)));
    await handled("recurrence", reopen.id);
    expect((await liveTasks(task.seriesId)).map((t) => t.id)).toEqual([task.id, next.id]);
    const kept = await latestEvent("task.next-occurrence-kept", task.id);
    expect(kept).toMatchObject({
      causationid: reopen.id,
      correlationid: reopen.correlationid,
      data: { task: { id: task.id, status: "OPEN" }, next: { id: next.id, title: "standup (with the client)", version: 2 } },
    });
    await handled("audit", kept.id);
    expect(await harness.db.auditEntry.findUniqueOrThrow({ where: { eventId: kept.id } })).toMatchObject({
      type: "task.next-occurrence-kept",
      actor: "recurrence",
      taskId: task.id,
      diff: [],
    });

    // The kept one still is this completion's next occurrence: completing again adds none.
    await complete(task);
    expect(await liveTasks(task.seriesId)).toHaveLength(2);
  });
});

describe("a reopen that overtakes its completion", () => {
  it("leaves one open task whether the completion was handled first or comes later (retried, replayed)", async () => {
    // A second database with no workers: the events are handed to the consumer in a chosen order.
    const quiet = await openHarness();
    try {
      const owner = await insertUser(quiet.db);
      const recurrence = createConsumerSubscription(recurrenceConsumer, { db: quiet.db, log: pino({ level: "silent" }) });
      const deliver = async (type: string, taskId: string) => {
        const row = must(
          (await quiet.db.outboxEvent.findMany({ where: { type }, orderBy: { sequence: "desc" } })).find(
            (r) => (r.event as { subject: string }).subject === taskId,
          ),
          type,
        );
        expect(await recurrence.handle({ topic: TOPICS.taskEvents, event: row.event, attempt: 1 })).toBe("SUCCESS");
      };
      const task = await createTask(quiet.db, owner, { ...STANDUP, dueAt: MONDAY_0930 });
      await transitionTask(quiet.db, task, "complete");
      await transitionTask(quiet.db, task, "reopen");
      await deliver("task.reopened", task.id);
      await deliver("task.completed", task.id);
      const series = { seriesId: task.seriesId ?? "", deletedAt: null };
      expect(await quiet.db.task.findMany({ where: series, select: { id: true } })).toEqual([{ id: task.id }]);

      // Completed again: that completion stands, and gets its next occurrence.
      await transitionTask(quiet.db, task, "complete");
      await deliver("task.completed", task.id);
      expect(await quiet.db.task.count({ where: series })).toBe(2);
    } finally {
      await quiet.stop();
    }
  });
});
