// A reminder job fired: in one transaction, under the task's reminder lock, check that the task
// still wants exactly this reminder, then create the notification and reminder.fired. A stale,
// duplicate or concurrent firing finds the row FIRED or renamed and does nothing.
import { randomUUID } from "node:crypto";
import {
  findReminderJob,
  insertNotification,
  insertOutboxEvents,
  lockTaskReminder,
  saveReminderJob,
  taskRowToSnapshot,
  type Db,
  type NotificationInput,
  type ReminderJobRow,
  type TaskRow,
  findTaskById,
} from "@taskboard/db";
import { createEvent, reminderFired, type TCloudEvent } from "@taskboard/events";
import type { Logger } from "pino";
import { PermanentError } from "../../runtime/errors.ts";
import { reminderFiredEventId } from "./reminder-event-id.ts";
import { reminderInstant } from "./reminder-instant.ts";
import { ZReminderJobPayloadSchema } from "./reminder-job-payload.ts";
import { REMINDERS_SOURCE } from "./schedule-reminder.ts";

export type FireOutcome = "fired" | "stale" | "duplicate";

export type ReminderJobPayload = ReturnType<typeof parseReminderJob>;

export function parseReminderJob(job: { name: string; payload: unknown }) {
  const parsed = ZReminderJobPayloadSchema.safeParse(job.payload);
  if (!parsed.success) throw new PermanentError(`reminder job ${job.name} has an invalid payload: ${parsed.error.message}`);
  return parsed.data;
}

export type FiringPlan =
  | { outcome: "stale" | "duplicate" }
  | { outcome: "fire"; notification: NotificationInput; event: TCloudEvent };

/**
 * Whether the task, read under its reminder lock, still wants exactly this job, and if so the
 * notification and the reminder.fired event to write.
 */
export function planFiring(
  job: { name: string; payload: ReminderJobPayload; traceparent?: string },
  row: ReminderJobRow | null | undefined,
  taskRow: TaskRow | null | undefined,
  now: Date,
): FiringPlan {
  if (!row || row.jobName !== job.name) return { outcome: "stale" };
  if (row.status === "FIRED") return { outcome: "duplicate" };
  if (row.status !== "SCHEDULED" || !taskRow) return { outcome: "stale" };
  const task = taskRowToSnapshot(taskRow);
  if (reminderInstant(task)?.getTime() !== row.fireAt.getTime()) return { outcome: "stale" };

  const eventId = reminderFiredEventId(job.name);
  const notificationId = randomUUID();
  // A shared task reminds the person doing it: its assignee, else its creator.
  const recipientId = task.assigneeId ?? task.userId;
  const notification: NotificationInput = {
    id: notificationId,
    userId: recipientId,
    taskId: task.id,
    kind: "reminder",
    title: task.title,
    body: task.dueAt ? `Due ${formatDue(new Date(task.dueAt), task.timeZone, task.allDay)}` : "Reminder",
    eventId,
    createdAt: now,
  };
  const event = createEvent(reminderFired, {
    id: eventId,
    data: {
      taskId: task.id,
      taskVersion: task.version,
      jobName: job.name,
      fireAt: row.fireAt.toISOString(),
      title: task.title,
      notificationId,
      recipientId,
    },
    subject: task.id,
    partitionKey: task.userId,
    source: REMINDERS_SOURCE,
    cause: job.payload.cause,
    traceparent: job.traceparent,
    time: now,
  });
  return { outcome: "fire", notification, event };
}

export async function fireReminder(
  db: Db,
  job: { name: string; payload: unknown },
  log: Logger,
  traceparent?: string,
): Promise<FireOutcome> {
  const payload = parseReminderJob(job);
  const outcome = await db.$transaction(async (tx): Promise<FireOutcome> => {
    await lockTaskReminder(tx, payload.taskId);
    const row = await findReminderJob(tx, payload.taskId);
    const wanted = row?.jobName === job.name && row.status === "SCHEDULED";
    const taskRow = wanted ? await findTaskById(tx, payload.taskId) : null;
    const now = new Date();
    const plan = planFiring({ name: job.name, payload, traceparent }, row, taskRow, now);
    if (plan.outcome !== "fire") return plan.outcome;
    if (!row) return "stale";
    const inserted = await insertNotification(tx, plan.notification);
    await saveReminderJob(tx, { ...row, status: "FIRED", now });
    if (!inserted) return "duplicate";
    await insertOutboxEvents(tx, reminderFired.topic, [plan.event]);
    return "fired";
  });
  log.info({ taskId: payload.taskId, outcome }, "reminder job handled");
  return outcome;
}

function formatDue(dueAt: Date, timeZone: string, allDay: boolean): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    ...(allDay ? {} : { hour: "2-digit", minute: "2-digit" }),
  }).format(dueAt);
}
