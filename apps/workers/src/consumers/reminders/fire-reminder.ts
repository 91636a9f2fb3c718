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
  taskRowSelect,
  taskRowToSnapshot,
  type Db,
} from "@taskboard/db";
import { createEvent, reminderFired } from "@taskboard/events";
import type { Logger } from "pino";
import { PermanentError } from "../../runtime/errors.ts";
import { reminderFiredEventId } from "./reminder-event-id.ts";
import { reminderInstant } from "./reminder-instant.ts";
import { ZReminderJobPayloadSchema } from "./reminder-job-payload.ts";
import { REMINDERS_SOURCE } from "./schedule-reminder.ts";

export type FireOutcome = "fired" | "stale" | "duplicate";

export async function fireReminder(
  db: Db,
  job: { name: string; payload: unknown },
  log: Logger,
  traceparent?: string,
): Promise<FireOutcome> {
  const parsed = ZReminderJobPayloadSchema.safeParse(job.payload);
  if (!parsed.success) throw new PermanentError(`reminder job ${job.name} has an invalid payload: ${parsed.error.message}`);
  const payload = parsed.data;
  const outcome = await db.$transaction(async (tx): Promise<FireOutcome> => {
    await lockTaskReminder(tx, payload.taskId);
    const row = await findReminderJob(tx, payload.taskId);
    if (!row || row.jobName !== job.name) return "stale";
    if (row.status === "FIRED") return "duplicate";
    if (row.status !== "SCHEDULED") return "stale";
    const taskRow = await tx.task.findUnique({ where: { id: payload.taskId }, select: taskRowSelect });
    if (!taskRow) return "stale";
    const task = taskRowToSnapshot(taskRow);
    if (reminderInstant(task)?.getTime() !== row.fireAt.getTime()) return "stale";

    const now = new Date();
    const eventId = reminderFiredEventId(job.name);
    const notificationId = randomUUID();
    const inserted = await insertNotification(tx, {
      id: notificationId,
      userId: task.userId,
      taskId: task.id,
      kind: "reminder",
      title: task.title,
      body: task.dueAt ? `Due ${formatDue(new Date(task.dueAt), task.timeZone, task.allDay)}` : "Reminder",
      eventId,
      createdAt: now,
    });
    await saveReminderJob(tx, { ...row, status: "FIRED", now });
    if (!inserted) return "duplicate";
    const fired = createEvent(reminderFired, {
      id: eventId,
      data: {
        taskId: task.id,
        taskVersion: task.version,
        jobName: job.name,
        fireAt: row.fireAt.toISOString(),
        title: task.title,
        notificationId,
      },
      subject: task.id,
      partitionKey: task.userId,
      source: REMINDERS_SOURCE,
      cause: payload.cause,
      traceparent,
      time: now,
    });
    await insertOutboxEvents(tx, reminderFired.topic, [fired]);
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
