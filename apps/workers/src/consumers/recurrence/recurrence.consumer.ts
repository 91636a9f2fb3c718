/**
 * Recurrence: when an occurrence of a recurring series is completed, creates the series' next
 * task and its task.created event (caused by the completion) in the runtime's transaction. One
 * next occurrence per completed task, ever: the recurrence_slots key enforces it, so reopening
 * and completing again creates nothing new.
 */
import { randomUUID } from "node:crypto";
import {
  claimRecurrenceSlot,
  insertOutboxEvents,
  insertTask,
  nextTaskPosition,
  occurrenceNumber,
  taskRowToSnapshot,
  type Tx,
} from "@taskboard/db";
import { createEvent, taskCompleted, taskCreated, TOPICS, type TTaskSnapshot } from "@taskboard/events";
import { nextOccurrence, parseRrule, RecurrenceError } from "@taskboard/recurrence";
import { defineConsumer } from "../../runtime/define-consumer.ts";
import { PermanentError } from "../../runtime/errors.ts";
import { nextOccurrenceData } from "./next-occurrence-task.ts";

export const RECURRENCE_SOURCE = "/taskboard/workers/recurrence";

/** Creates the next occurrence of a recurring task when one is completed. */
export const recurrenceConsumer = defineConsumer({
  name: "recurrence",
  topic: TOPICS.taskEvents,
  events: [taskCompleted],
  async handle(event, { tx, log, traceparent }) {
    const completed = event.data.task;
    // Only the web completes tasks; never react to our own output (invariant 6).
    if (event.source === RECURRENCE_SOURCE) return;
    if (!completed.rrule || !completed.recurrenceMode || !completed.seriesId || !completed.completedAt) return;

    // The account (and so the series) was deleted meanwhile: nothing to continue.
    if (!(await tx.task.findUnique({ where: { id: completed.id }, select: { id: true } }))) return;
    const nextDueAt = await computeNextDue(tx, completed);
    if (!nextDueAt) {
      log.info({ taskId: completed.id, seriesId: completed.seriesId }, "series is over: no next occurrence");
      return;
    }
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
    const tagIds = await liveTagIds(tx, completed);
    const position = await nextTaskPosition(tx, { userId: completed.userId });
    const row = await insertTask(tx, {
      id: nextTaskId,
      userId: completed.userId,
      now,
      tagIds,
      data: nextOccurrenceData(completed, nextDueAt, position),
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
  },
});

async function computeNextDue(tx: Tx, completed: TTaskSnapshot): Promise<Date | null> {
  const rrule = completed.rrule ?? "";
  try {
    const needsCount = parseRrule(rrule).count !== undefined;
    return nextOccurrence({
      rrule,
      mode: completed.recurrenceMode ?? "FIXED",
      dueAt: completed.dueAt ? new Date(completed.dueAt) : null,
      seriesStart: completed.seriesStartAt ? new Date(completed.seriesStartAt) : null,
      allDay: completed.allDay,
      timeZone: completed.timeZone,
      completedAt: new Date(completed.completedAt ?? Date.now()),
      occurrenceNumber: needsCount
        ? await occurrenceNumber(tx, {
            userId: completed.userId,
            seriesId: completed.seriesId ?? "",
            createdAt: new Date(completed.createdAt),
          })
        : undefined,
    });
  } catch (error) {
    // A rule the web accepted but we cannot expand will not get better by retrying.
    if (error instanceof RecurrenceError) throw new PermanentError(`task ${completed.id}: ${error.message}`);
    throw error;
  }
}

/** The completed task's tags that still exist (a tag deleted meanwhile is not resurrected). */
async function liveTagIds(tx: Tx, completed: TTaskSnapshot): Promise<string[]> {
  if (completed.tags.length === 0) return [];
  const rows = await tx.tag.findMany({
    where: { userId: completed.userId, id: { in: completed.tags.map((tag) => tag.id) } },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
