// task.completed of a recurring task → the series' next task and its task.created (caused by the
// completion), unless that completion no longer stands: reopened since (an Undo whose event ran
// ahead of a retried completion, or a dead letter replayed later) or replaced by a later one,
// whose own event will do the work. One next occurrence per completed task at a time: the
// recurrence_slots key enforces it.
import { randomUUID } from "node:crypto";
import {
  claimRecurrenceSlot,
  findTagsByIds,
  insertOutboxEvents,
  insertTask,
  lockTaskCompletion,
  taskRowToSnapshot,
  type Tx,
} from "@taskboard/db";
import { createEvent, taskCreated, type taskCompleted, type TTaskSnapshot } from "@taskboard/events";
import type { ConsumerContext, EventOf } from "../../runtime/define-consumer.ts";
import { computeNextDue } from "./compute-next-due.ts";
import { placeNextOccurrence } from "./next-occurrence-placement.ts";
import { nextOccurrenceData } from "./next-occurrence-task.ts";
import { RECURRENCE_SOURCE } from "./recurrence-source.ts";

export async function createNextOccurrence(
  event: EventOf<typeof taskCompleted>,
  { tx, log, traceparent }: ConsumerContext,
): Promise<void> {
  const completed = event.data.task;
  if (!completed.rrule || !completed.recurrenceMode || !completed.seriesId || !completed.completedAt) return;

  const current = await lockTaskCompletion(tx, { id: completed.id });
  // The account (and so the series) was deleted meanwhile: nothing to continue.
  if (!current) return;
  if (current.status !== "COMPLETED" || current.completedAt?.getTime() !== Date.parse(completed.completedAt)) {
    log.info({ taskId: completed.id }, "completion no longer stands (reopened or completed again): no next occurrence");
    return;
  }
  const nextDueAt = await computeNextDue(tx, completed);
  if (!nextDueAt) {
    log.info({ taskId: completed.id, seriesId: completed.seriesId }, "series is over: no next occurrence");
    return;
  }
  const placement = await placeNextOccurrence(tx, completed);
  if (!placement) return;
  const now = new Date();
  const nextTaskId = randomUUID();
  const claimed = await claimRecurrenceSlot(tx, {
    sourceTaskId: completed.id,
    seriesId: completed.seriesId,
    nextTaskId,
    nextDueAt,
    now,
  });
  if (!claimed) {
    log.info({ taskId: completed.id }, "next occurrence already created for this task");
    return;
  }
  const row = await insertTask(tx, {
    id: nextTaskId,
    userId: completed.userId,
    now,
    tagIds: await liveTagIds(tx, completed),
    data: nextOccurrenceData(completed, nextDueAt, placement),
  });
  const created = createEvent(taskCreated, {
    data: { task: taskRowToSnapshot(row) },
    subject: nextTaskId,
    partitionKey: completed.userId,
    source: RECURRENCE_SOURCE,
    cause: event,
    traceparent,
    time: now,
  });
  await insertOutboxEvents(tx, taskCreated.topic, [created]);
}

/** The completed task's tags that still exist (a tag deleted meanwhile is not resurrected). */
async function liveTagIds(tx: Tx, completed: TTaskSnapshot): Promise<string[]> {
  if (completed.tags.length === 0) return [];
  const rows = await findTagsByIds(tx, { userId: completed.userId, ids: completed.tags.map((tag) => tag.id) });
  return rows.map((row) => row.id);
}
