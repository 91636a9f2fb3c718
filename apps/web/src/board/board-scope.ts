// What a board shows: one project's tasks, or a view across all of the signed-in user's projects.
// The scope goes into task.list's input and decides where quick add puts a new task.
import { TZDate } from "@date-fns/tz";
import { addDays, endOfDay, startOfDay } from "date-fns";
import type { TaskListInput } from "./types";

export type BoardScope =
  | { kind: "project"; projectId: string }
  | { kind: "today" }
  | { kind: "upcoming" }
  | { kind: "assigned" };

/**
 * The task.list filters a scope adds to the board's own (status, search, sort…): Today is what is
 * due by the end of the viewer's day (overdue included), Upcoming what is due from tomorrow on.
 * `day` is any instant of the viewer's today.
 */
export function scopeListInput(scope: BoardScope, day: Date, zone: string): Pick<TaskListInput, "projectId" | "assignedToMe" | "dueFrom" | "dueTo"> {
  const zoned = new TZDate(day, zone);
  switch (scope.kind) {
    case "project":
      return { projectId: scope.projectId };
    case "today":
      return { dueTo: endOfDay(zoned).toISOString() };
    case "upcoming":
      return { dueFrom: startOfDay(addDays(zoned, 1)).toISOString() };
    case "assigned":
      return { assignedToMe: true };
  }
}

/** Where quick add puts a task: the project shown, else the server's default (the Inbox). */
export function scopeCreateTarget(scope: BoardScope): { projectId?: string } {
  return scope.kind === "project" ? { projectId: scope.projectId } : {};
}

export const SCOPE_TITLE: Record<Exclude<BoardScope["kind"], "project">, string> = {
  today: "Today",
  upcoming: "Upcoming",
  assigned: "Assigned to me",
};
