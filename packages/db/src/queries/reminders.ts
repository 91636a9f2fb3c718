// The reminder each task currently wants (reminder_jobs) and the lock that orders the reminder
// consumer and a firing job for one task. Scheduling a bus job happens outside the database, so
// the row is the truth: a job whose name no longer matches its task's row does nothing.
import type { Tx } from "../client.ts";

export type ReminderJobStatus = "SCHEDULED" | "FIRED" | "CANCELLED";

export interface ReminderJobRow {
  taskId: string;
  userId: string;
  jobName: string;
  fireAt: Date;
  status: ReminderJobStatus;
  taskVersion: number;
}

const select = { taskId: true, userId: true, jobName: true, fireAt: true, status: true, taskVersion: true } as const;

/**
 * Serialises everything about one task's reminder until the transaction ends. The consumer takes
 * it before it schedules a job; the job takes it before it reads the row, so a job that fires
 * before the consumer committed waits for the commit instead of seeing no row.
 */
export async function lockTaskReminder(tx: Tx, taskId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('reminder'), hashtext(${taskId}))`;
}

export async function findReminderJob(tx: Tx, taskId: string): Promise<ReminderJobRow | null> {
  const row = await tx.reminderJob.findUnique({ where: { taskId }, select });
  return row as ReminderJobRow | null;
}

export async function saveReminderJob(tx: Tx, row: ReminderJobRow & { now: Date }): Promise<void> {
  const { now, ...data } = row;
  await tx.reminderJob.upsert({
    where: { taskId: row.taskId },
    create: { ...data, updatedAt: now },
    update: { ...data, updatedAt: now },
  });
}
