// Several due reminder jobs of one user fired in ONE transaction, with set-based reads and
// writes: a burst (1,000 reminders due the same minute) costs a few transactions instead of one
// per reminder, which is what made the last of them fire seconds late. Same decision per job as
// fireReminder (planFiring), same locks. Anything unusual answers false with nothing written, and
// the transport fires the jobs one by one through fireReminder, which handles every edge case.
import {
  findReminderJobs,
  insertNotifications,
  insertOutboxEvents,
  markRemindersFired,
  tryLockTaskReminders,
  type Db,
  findTasksByIds,
} from "@taskboard/db";
import { reminderFired } from "@taskboard/events";
import type { Logger } from "pino";
import { parseReminderJob, planFiring, type FiringPlan, type ReminderJobPayload } from "./fire-reminder.ts";

export async function fireReminders(
  db: Db,
  jobs: readonly { name: string; payload: unknown; traceparent?: string }[],
  log: Logger,
): Promise<boolean> {
  let parsed: { name: string; payload: ReminderJobPayload; traceparent?: string }[];
  try {
    parsed = jobs.map((job) => ({ ...job, payload: parseReminderJob(job) }));
  } catch {
    return false;
  }
  const taskIds = parsed.map((job) => job.payload.taskId);
  // Two jobs of one task in one batch (a moved reminder): leave that to the one-by-one path.
  if (new Set(taskIds).size !== taskIds.length) return false;

  const outcomes = await db.$transaction(async (tx) => {
    if (!(await tryLockTaskReminders(tx, taskIds))) return undefined;
    const rows = new Map((await findReminderJobs(tx, taskIds)).map((row) => [row.taskId, row]));
    const tasks = new Map(
      (await findTasksByIds(tx, taskIds)).map((task) => [task.id, task]),
    );
    const now = new Date();
    const plans: FiringPlan[] = parsed.map((job) => planFiring(job, rows.get(job.payload.taskId), tasks.get(job.payload.taskId), now));
    const firing = plans.flatMap((plan) => (plan.outcome === "fire" ? [plan] : []));
    if (firing.length === 0) return plans;
    const inserted = await insertNotifications(tx, firing.map((plan) => plan.notification));
    // A notification already there means an earlier firing we cannot tell apart here: roll back.
    if (inserted !== firing.length) throw new BatchRefused();
    await markRemindersFired(tx, firing.map((plan) => plan.notification.taskId ?? ""), now);
    await insertOutboxEvents(tx, reminderFired.topic, firing.map((plan) => plan.event));
    return plans;
  }).catch((error: unknown) => {
    if (!(error instanceof BatchRefused)) log.debug({ err: error, jobs: jobs.length }, "reminder batch rolled back: firing one by one");
    return undefined;
  });
  if (!outcomes) return false;
  const fired = outcomes.filter((plan) => plan.outcome === "fire").length;
  log.info({ jobs: jobs.length, fired }, "reminder jobs handled together");
  return true;
}

class BatchRefused extends Error {}
