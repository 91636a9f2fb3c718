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

/**
 * lockTaskReminder for several tasks without waiting: true only when every lock was taken. A
 * batch that would wait (or deadlock against a transaction holding some of them) backs off and
 * lets each task be handled alone, with the blocking lock.
 */
export async function tryLockTaskReminders(tx: Tx, taskIds: readonly string[]): Promise<boolean> {
  const rows = await tx.$queryRaw<{ locked: boolean }[]>`
    SELECT pg_try_advisory_xact_lock(hashtext('reminder'), hashtext(t)) AS locked FROM unnest(${[...taskIds]}::text[]) AS t`;
  return rows.length === taskIds.length && rows.every((row) => row.locked);
}

export async function findReminderJobs(tx: Tx, taskIds: readonly string[]): Promise<ReminderJobRow[]> {
  const rows = await tx.reminderJob.findMany({ where: { taskId: { in: [...taskIds] } }, select });
  return rows as ReminderJobRow[];
}

export async function markRemindersFired(tx: Tx, taskIds: readonly string[], now: Date): Promise<void> {
  await tx.reminderJob.updateMany({ where: { taskId: { in: [...taskIds] } }, data: { status: "FIRED", updatedAt: now } });
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
