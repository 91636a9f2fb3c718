// How a task's reminder reads on a card and in the editor.
import { formatInstant } from "./due-dates";
import type { Task } from "./types";

export function describeOffset(minutes: number): string {
  if (minutes === 0) return "at due time";
  if (minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? "" : "s"} before`;
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? "" : "s"} before`;
  return `${minutes} min before`;
}

export function describeReminder(task: Pick<Task, "remindAt" | "remindBeforeMinutes">, zone: string): string | null {
  if (task.remindBeforeMinutes !== null && task.remindBeforeMinutes !== undefined) return describeOffset(task.remindBeforeMinutes);
  if (task.remindAt) return formatInstant(task.remindAt, zone);
  return null;
}
