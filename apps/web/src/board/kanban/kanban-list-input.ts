// The kanban's task.list input: the board's filters in position order, in pages of the API's
// largest size (the board shows whole columns, so it loads every page). Shared with the server's
// prefetch of a project shown as a kanban.
import type { TaskListInput } from "../types";

export function kanbanListInput(input: TaskListInput): TaskListInput {
  return { ...input, sort: "position", sortDirection: "asc", limit: 100 };
}
