/**
 * Reminders: keeps one bus job per task for the reminder it wants (scheduled on create, moved on
 * change, cancelled on complete or delete, back on reopen or restore) and, when the job fires,
 * creates the in-app notification and reminder.fired.
 */
import { TASK_EVENT_DEFINITIONS, TOPICS } from "@taskboard/events";
import { defineConsumer } from "../../runtime/define-consumer.ts";
import { fireReminder } from "./fire-reminder.ts";
import { fireReminders } from "./fire-reminder-batch.ts";
import { REMINDER_JOB_PREFIX } from "./reminder-instant.ts";
import { applyTaskReminder } from "./schedule-reminder.ts";

export const remindersConsumer = defineConsumer({
  name: "reminders",
  topic: TOPICS.taskEvents,
  events: TASK_EVENT_DEFINITIONS,
  async handle(event, context) {
    await applyTaskReminder(event, context);
  },
  jobs: {
    prefix: REMINDER_JOB_PREFIX,
    async handle(job, { db, log, traceparent }) {
      await fireReminder(db, job, log, traceparent);
    },
    handleBatch: (jobs, { db, log }) => fireReminders(db, jobs, log),
  },
});
