// The reminder consumer's decision for one task event: compare the reminder the task now wants
// with the one reminder_jobs holds, and schedule, move or cancel. Rows and events are written in
// the runtime's transaction; the bus calls come last, still before commit, under the task's
// reminder lock, so a job firing at once waits for the commit (see lockTaskReminder).
import {
  findReminderJob,
  insertOutboxEvents,
  lockTaskReminder,
  saveReminderJob,
  type ReminderJobRow,
  taskExists,
} from "@taskboard/db";
import { createEvent, reminderCancelled, reminderScheduled, type TCloudEvent, type TTaskSnapshot } from "@taskboard/events";
import type { ConsumerContext } from "../../runtime/define-consumer.ts";
import { reminderInstant, reminderJobName } from "./reminder-instant.ts";
import type { TReminderJobPayload } from "./reminder-job-payload.ts";

export const REMINDERS_SOURCE = "/taskboard/workers/reminders";

export async function applyTaskReminder(
  event: TCloudEvent<string, { task: TTaskSnapshot }>,
  { tx, jobs, traceparent }: Pick<ConsumerContext, "tx" | "jobs" | "traceparent">,
): Promise<void> {
  const task = event.data.task;
  await lockTaskReminder(tx, task.id);
  // Its owner's account (and so the task) was deleted meanwhile: nothing to remind.
  if (!(await taskExists(tx, task.id))) return;
  const row = await findReminderJob(tx, task.id);
  // An older snapshot than the one we acted on changes nothing (docs/invariants.md #4).
  if (row && row.taskVersion > task.version) return;
  const fireAt = reminderInstant(task);
  const now = new Date();
  const base = { taskId: task.id, taskVersion: task.version, title: task.title };
  const emit = (events: TCloudEvent[]) => insertOutboxEvents(tx, reminderScheduled.topic, events);
  const eventInput = { subject: task.id, partitionKey: task.userId, source: REMINDERS_SOURCE, cause: event, traceparent, time: now };

  if (!fireAt) {
    if (row?.status === "SCHEDULED") {
      await saveReminderJob(tx, { ...row, status: "CANCELLED", taskVersion: task.version, now });
      const reason = task.deletedAt ? "deleted" : task.status === "COMPLETED" ? "completed" : "cleared";
      await emit([createEvent(reminderCancelled, { ...eventInput, data: { ...base, jobName: row.jobName, fireAt: row.fireAt.toISOString(), reason } })]);
      await jobs.cancel(row.jobName);
    } else if (row) {
      await saveReminderJob(tx, { ...row, taskVersion: task.version, now });
    }
    return;
  }

  const jobName = reminderJobName(task.id, fireAt);
  if (row && row.jobName === jobName && row.status !== "CANCELLED") {
    // Same reminder (scheduled, or already fired): nothing to do but remember the version.
    await saveReminderJob(tx, { ...row, taskVersion: task.version, now });
    return;
  }
  const next: ReminderJobRow = { taskId: task.id, userId: task.userId, jobName, fireAt, status: "SCHEDULED", taskVersion: task.version };
  await saveReminderJob(tx, { ...next, now });
  const scheduled = createEvent(reminderScheduled, {
    ...eventInput,
    data: {
      ...base,
      jobName,
      fireAt: fireAt.toISOString(),
      previousFireAt: row?.status === "SCHEDULED" ? row.fireAt.toISOString() : null,
    },
  });
  await emit([scheduled]);
  if (row?.status === "SCHEDULED") await jobs.cancel(row.jobName);
  const payload: TReminderJobPayload = {
    taskId: task.id,
    fireAt: fireAt.toISOString(),
    cause: { id: scheduled.id, correlationid: scheduled.correlationid },
    ...(traceparent ? { traceparent } : {}),
  };
  // An instant already past makes the transport run the job at once. Same name = replace
  // (overwrite semantics), so a retried delivery schedules nothing twice.
  // Partitioned by owner, so that a burst of one user's reminders can fire in a few batches.
  await jobs.schedule({ name: jobName, at: fireAt, payload, partitionKey: task.userId });
}
