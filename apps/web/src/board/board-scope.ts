// What a board shows: one project's tasks, or a view across all of the signed-in user's projects.
// The scope goes into task.list's input and decides where quick add puts a new task.
import type { TaskListInput } from "./types";

export type BoardScope =
  | { kind: "project"; projectId: string }
  | { kind: "today" }
  | { kind: "upcoming" }
  | { kind: "assigned" };

/** The task.list filters a scope adds to the board's own (status, search, sort…). */
export function scopeListInput(scope: BoardScope): Pick<TaskListInput, "projectId" | "view" | "assignedToMe"> {
  switch (scope.kind) {
    case "project":
      return { projectId: scope.projectId };
    case "today":
    case "upcoming":
      return { view: scope.kind };
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
