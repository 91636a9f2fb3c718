// task.reopened → the next occurrence the task's completion created is retracted (soft-deleted,
// with a task.deleted caused by the reopen), so an Undo of a completion does not leave two open
// copies of the task; and the slot is freed, so completing the task again creates a next
// occurrence again. Unless that occurrence changed since it was created (edited, moved, completed,
// deleted: its version is no longer 1): then it is the person's now, it is kept, and a
// task.next-occurrence-kept says so. Per-user ordering on the bus hands us the completion before
// its reopen, so the slot is there if the completion created one.
import {
  findRecurrenceSlot,
  findTaskById,
  insertOutboxEvents,
  releaseRecurrenceSlot,
  taskRowToSnapshot,
  updateTaskAtVersion,
} from "@taskboard/db";
import { createEvent, taskDeleted, taskNextOccurrenceKept, type taskReopened } from "@taskboard/events";
import type { ConsumerContext, EventOf } from "../../runtime/define-consumer.ts";
import { RECURRENCE_SOURCE } from "./recurrence-source.ts";

/** A task the recurrence consumer inserts starts at version 1; any change bumps it. */
const UNTOUCHED_VERSION = 1;

export async function retractNextOccurrence(
  event: EventOf<typeof taskReopened>,
  { tx, log, traceparent }: ConsumerContext,
): Promise<void> {
  const reopened = event.data.task;
  const slot = await findRecurrenceSlot(tx, { sourceTaskId: reopened.id });
  if (!slot) return;
  const userId = reopened.userId;
  const now = new Date();
  const emit = { partitionKey: userId, source: RECURRENCE_SOURCE, cause: event, traceparent, time: now };

  // Leaving the series (seriesId null) keeps COUNT honest: an occurrence that never happened is
  // not counted. The version guard loses to a concurrent edit, which then counts as a change.
  const retracted = await updateTaskAtVersion(tx, {
    id: slot.nextTaskId,
    expectedVersion: UNTOUCHED_VERSION,
    data: { deletedAt: now, seriesId: null },
    now,
  });
  const next = await findTaskById(tx, slot.nextTaskId);
  if (!next) {
    await releaseRecurrenceSlot(tx, { sourceTaskId: reopened.id });
    return;
  }
  const nextSnapshot = taskRowToSnapshot(next);
  if (retracted) {
    await releaseRecurrenceSlot(tx, { sourceTaskId: reopened.id });
    const deleted = createEvent(taskDeleted, { ...emit, data: { task: nextSnapshot }, subject: next.id });
    await insertOutboxEvents(tx, taskDeleted.topic, [deleted]);
    log.info({ taskId: reopened.id, nextTaskId: next.id }, "reopened: next occurrence retracted");
    return;
  }
  const kept = createEvent(taskNextOccurrenceKept, { ...emit, data: { task: reopened, next: nextSnapshot }, subject: reopened.id });
  await insertOutboxEvents(tx, taskNextOccurrenceKept.topic, [kept]);
  log.info({ taskId: reopened.id, nextTaskId: next.id, version: next.version }, "reopened: next occurrence changed since, kept");
}
