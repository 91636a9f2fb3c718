// When a task wants its reminder: its absolute reminder, or its due instant minus the relative
// offset; never for a completed or deleted task.
import type { TTaskSnapshot } from "@taskboard/events";

export function reminderInstant(task: TTaskSnapshot): Date | null {
  if (task.status !== "OPEN" || task.deletedAt) return null;
  if (task.remindAt) return new Date(task.remindAt);
  if (task.dueAt && task.remindBeforeMinutes !== null) {
    return new Date(Date.parse(task.dueAt) - task.remindBeforeMinutes * 60_000);
  }
  return null;
}

export const REMINDER_JOB_PREFIX = "reminder:";

/** One name per (task, instant) (docs/traps.md #6): a moved reminder is a new job, the old one is cancelled. */
export function reminderJobName(taskId: string, fireAt: Date): string {
  return `${REMINDER_JOB_PREFIX}${taskId}:${fireAt.getTime()}`;
}
