// The browser's copy of task.list's rules (packages/db queries/task-list.ts): which tasks a list with
// a given input shows and in what order, so a pushed change can be put in the right lists at the
// right place without refetching. Keep in step with the server; where the two can differ (title
// collation, Unicode case folding in search) a task is at most misplaced until the next refetch.
import type { Task, TaskListInput, TaskSort } from "@/board/types";

const DAY_MS = 24 * 60 * 60 * 1000;
const PRIORITY_RANK = { NONE: 0, LOW: 1, MEDIUM: 2, HIGH: 3, URGENT: 4 } as const;
const DEFAULT_DIRECTION: Record<TaskSort, "asc" | "desc"> = {
  due: "asc",
  priority: "desc",
  created: "desc",
  title: "asc",
  position: "asc",
};

/**
 * Whether a list with this input shows the task; "unknown" for the filters only the server can
 * judge here (assigned to the signed-in user): such a list refetches.
 */
export function taskMatchesList(input: TaskListInput, task: Task, now: Date): boolean | "unknown" {
  if (task.deletedAt) return false;
  if (input.projectId && task.projectId && task.projectId !== input.projectId) return false;
  if (input.sectionId !== undefined && task.sectionId !== undefined && (task.sectionId ?? null) !== input.sectionId) return false;
  const status = input.status ?? "OPEN";
  if (status !== "ALL" && task.status !== status) return false;
  if (input.priorities?.length && !input.priorities.includes(task.priority)) return false;
  if (input.tagIds?.length && !task.tags.some((tag) => input.tagIds?.includes(tag.id))) return false;
  const due = task.dueAt ? Date.parse(task.dueAt) : null;
  if (input.dueFrom && (due === null || due < Date.parse(input.dueFrom))) return false;
  if (input.dueTo && (due === null || due > Date.parse(input.dueTo))) return false;
  const search = input.search?.trim().toLowerCase();
  if (search && !task.title.toLowerCase().includes(search) && !task.description.toLowerCase().includes(search)) return false;
  if (input.overdue !== undefined && isOverdue(task, due, now) !== input.overdue) return false;
  if (input.assignedToMe) return "unknown";
  return true;
}

function isOverdue(task: Task, due: number | null, now: Date): boolean {
  if (task.status !== "OPEN" || due === null) return false;
  // An all-day task is due for the whole day that starts at dueAt.
  return task.allDay ? due < now.getTime() - DAY_MS : due < now.getTime();
}

/** Orders like the server's ORDER BY (sort key, id), nulls last for "due" in both directions. */
export function taskListComparator(input: TaskListInput): (a: Task, b: Task) => number {
  const sort = input.sort ?? "position";
  const sign = (input.sortDirection ?? DEFAULT_DIRECTION[sort]) === "asc" ? 1 : -1;
  return (a, b) => {
    if (sort === "due" && (a.dueAt === null) !== (b.dueAt === null)) return a.dueAt === null ? 1 : -1;
    const primary = compareValues(sortValue(a, sort), sortValue(b, sort));
    return sign * (primary !== 0 ? primary : compareValues(a.id, b.id));
  };
}

function sortValue(task: Task, sort: TaskSort): string | number | null {
  switch (sort) {
    case "due":
      return task.dueAt ? Date.parse(task.dueAt) : null;
    case "priority":
      return PRIORITY_RANK[task.priority];
    case "created":
      return Date.parse(task.createdAt);
    case "title":
      return task.title;
    case "position":
      return task.position;
  }
}

function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b || a === null || b === null) return 0;
  return a < b ? -1 : 1;
}
