// Series bookkeeping for the recurrence consumer: the slot that lets a completed occurrence
// spawn one next occurrence at a time, and the occurrence number COUNT rules need.
import type { Tx } from "../client.ts";
import type { TaskStatus } from "../generated/prisma/enums.ts";

/**
 * Claims the "next occurrence of `sourceTaskId`" slot. Returns false when it is already claimed
 * (the occurrence exists, or was kept when the task was reopened): the database, not the caller,
 * guarantees one.
 */
export async function claimRecurrenceSlot(
  tx: Tx,
  params: { sourceTaskId: string; seriesId: string; nextTaskId: string; nextDueAt: Date; now: Date },
): Promise<boolean> {
  const { count } = await tx.recurrenceSlot.createMany({
    data: [
      {
        sourceTaskId: params.sourceTaskId,
        seriesId: params.seriesId,
        nextTaskId: params.nextTaskId,
        nextDueAt: params.nextDueAt,
        createdAt: params.now,
      },
    ],
    skipDuplicates: true,
  });
  return count === 1;
}

export interface RecurrenceSlotRow {
  sourceTaskId: string;
  nextTaskId: string;
}

/** The next occurrence `sourceTaskId`'s completion created, if it holds one. */
export async function findRecurrenceSlot(tx: Tx, params: { sourceTaskId: string }): Promise<RecurrenceSlotRow | null> {
  return tx.recurrenceSlot.findUnique({
    where: { sourceTaskId: params.sourceTaskId },
    select: { sourceTaskId: true, nextTaskId: true },
  });
}

/** Frees the slot once its occurrence is retracted, so completing the task again creates a new one. */
export async function releaseRecurrenceSlot(tx: Tx, params: { sourceTaskId: string }): Promise<void> {
  await tx.recurrenceSlot.deleteMany({ where: { sourceTaskId: params.sourceTaskId } });
}

/**
 * The task's status and completion instant, with its row locked until the transaction ends: a
 * reopen (which updates the row) then waits for, or is waited on by, the consumer deciding
 * whether this completion still asks for a next occurrence. Null when the task is gone.
 */
export async function lockTaskCompletion(
  tx: Tx,
  params: { id: string },
): Promise<{ status: TaskStatus; completedAt: Date | null } | null> {
  const rows = await tx.$queryRaw<{ status: TaskStatus; completed_at: Date | null }[]>`
    SELECT status, completed_at FROM tasks WHERE id = ${params.id}::uuid FOR UPDATE`;
  const row = rows[0];
  return row ? { status: row.status, completedAt: row.completed_at } : null;
}

/**
 * 1-based position of a task in its series: the tasks of the series created up to it (deleted
 * ones count; a retracted occurrence left the series, so it does not).
 */
export async function occurrenceNumber(
  tx: Tx,
  params: { userId: string; seriesId: string; createdAt: Date },
): Promise<number> {
  return tx.task.count({
    where: { userId: params.userId, seriesId: params.seriesId, createdAt: { lte: params.createdAt } },
  });
}
