// Series bookkeeping for the recurrence consumer: the slot that lets a completed occurrence
// spawn one next occurrence, ever, and the occurrence number COUNT rules need.
import type { Tx } from "../client.ts";

/**
 * Claims the "next occurrence of `sourceTaskId`" slot. Returns false when it was already claimed
 * (the task was reopened and completed again): the database, not the caller, guarantees one.
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

/** 1-based position of a task in its series: the tasks of the series created up to it (deleted ones count). */
export async function occurrenceNumber(
  tx: Tx,
  params: { userId: string; seriesId: string; createdAt: Date },
): Promise<number> {
  return tx.task.count({
    where: { userId: params.userId, seriesId: params.seriesId, createdAt: { lte: params.createdAt } },
  });
}
