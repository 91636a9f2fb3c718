// The board's filters as the URL holds them (?status=&priority=&tag=&due=&from=&to=&q=&sort=&dir=&group=)
// and the task.list input they make. Pure, so the server prefetches with the very input (and so
// the query key) the board asks for in the browser.
import { dueRangeFilter, type DueRangePreset } from "../due-dates";
import type { GroupBy } from "../group-tasks";
import { PRIORITIES, type Priority, type TaskListInput, type TaskSort } from "../types";

export type BoardFilters = {
  status: "OPEN" | "COMPLETED" | "ALL";
  priorities: Priority[];
  tagIds: string[];
  due: DueRangePreset | null;
  from: string | null;
  to: string | null;
  q: string;
  sort: TaskSort;
  /** null: the sort's natural direction (soonest due, most urgent, newest). */
  direction: "asc" | "desc" | null;
  group: GroupBy;
};

export const DEFAULT_DIRECTION: Record<TaskSort, "asc" | "desc"> = {
  due: "asc",
  priority: "desc",
  created: "desc",
  title: "asc",
  position: "asc",
};

const SORTS: readonly TaskSort[] = ["due", "priority", "created", "title", "position"];
const DUE_PRESETS: readonly DueRangePreset[] = ["today", "week", "overdue", "custom"];

export function parseBoardFilters(params: URLSearchParams): BoardFilters {
  const list = (key: string) => (params.get(key) ?? "").split(",").filter(Boolean);
  const status = params.get("status")?.toUpperCase();
  const sort = params.get("sort") as TaskSort | null;
  const due = params.get("due") as DueRangePreset | null;
  return {
    status: status === "COMPLETED" || status === "ALL" ? status : "OPEN",
    priorities: list("priority").map((p) => p.toUpperCase()).filter((p): p is Priority => PRIORITIES.includes(p as Priority)),
    tagIds: list("tag"),
    due: due && DUE_PRESETS.includes(due) ? due : null,
    from: params.get("from"),
    to: params.get("to"),
    q: params.get("q") ?? "",
    sort: sort && SORTS.includes(sort) ? sort : "due",
    direction: params.get("dir") === "desc" ? "desc" : params.get("dir") === "asc" ? "asc" : null,
    group: params.get("group") === "status" ? "status" : "due",
  };
}

/**
 * A server page's `searchParams` as the URLSearchParams the browser's useSearchParams() gives:
 * a repeated key keeps every value in order, so get() reads the first one on both sides.
 */
export function searchParamsOf(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, item);
  }
  return params;
}

/** Whether the filters' task.list input depends on the viewer's zone (day-bounded due ranges). */
export function filtersDependOnZone(f: BoardFilters): boolean {
  return f.due === "today" || f.due === "week" || (f.due === "custom" && Boolean(f.from || f.to));
}

export function filtersToListInput(f: BoardFilters, now: Date, zone: string): TaskListInput {
  const input: TaskListInput = { status: f.status, sort: f.sort, limit: 50 };
  if (f.direction) input.sortDirection = f.direction;
  if (f.priorities.length) input.priorities = f.priorities;
  if (f.tagIds.length) input.tagIds = f.tagIds;
  if (f.q.trim()) input.search = f.q.trim();
  Object.assign(input, dueRangeFilter(f.due, { from: f.from, to: f.to }, now, zone));
  return input;
}

/** The query string for a set of filters (defaults left out), read back by parseBoardFilters. */
export function serializeBoardFilters(next: BoardFilters): string {
  const out = new URLSearchParams();
  if (next.status !== "OPEN") out.set("status", next.status.toLowerCase());
  if (next.priorities.length) out.set("priority", next.priorities.join(",").toLowerCase());
  if (next.tagIds.length) out.set("tag", next.tagIds.join(","));
  if (next.due) out.set("due", next.due);
  if (next.due === "custom" && next.from) out.set("from", next.from);
  if (next.due === "custom" && next.to) out.set("to", next.to);
  if (next.q) out.set("q", next.q);
  if (next.sort !== "due") out.set("sort", next.sort);
  if (next.direction) out.set("dir", next.direction);
  if (next.group !== "due") out.set("group", next.group);
  return out.toString();
}
