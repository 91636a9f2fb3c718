"use client";
// The board's filters live in the URL (?status=&priority=&tag=&due=&from=&to=&q=&sort=&dir=&group=)
// so a reload, a bookmark or a shared link shows the same board.
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { browserTimeZone, dueRangeFilter, type DueRangePreset } from "../due-dates";
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

export function filtersToListInput(f: BoardFilters, now: Date, zone: string): TaskListInput {
  const input: TaskListInput = { status: f.status, sort: f.sort, limit: 50 };
  if (f.direction) input.sortDirection = f.direction;
  if (f.priorities.length) input.priorities = f.priorities;
  if (f.tagIds.length) input.tagIds = f.tagIds;
  if (f.q.trim()) input.search = f.q.trim();
  Object.assign(input, dueRangeFilter(f.due, { from: f.from, to: f.to }, now, zone));
  return input;
}

function serialize(next: BoardFilters): string {
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

export function useBoardFilters() {
  const params = useSearchParams();
  const paramString = params.toString();
  const [filters, setLocal] = useState(() => parseBoardFilters(new URLSearchParams(paramString)));
  // Back/forward or a link changed the URL: follow it.
  useEffect(() => setLocal(parseBoardFilters(new URLSearchParams(paramString))), [paramString]);

  const setFilters = useCallback((patch: Partial<BoardFilters>) => {
    setLocal((current) => {
      const next = { ...current, ...patch };
      const query = serialize(next);
      // history.replaceState (which Next keeps in step with useSearchParams) instead of
      // router.replace: no server round trip per keystroke, no history entry per filter change.
      window.history.replaceState(window.history.state, "", query ? `${window.location.pathname}?${query}` : window.location.pathname);
      return next;
    });
  }, []);

  const zone = useMemo(() => browserTimeZone(), []);
  // Day-bounded instants keep the query key stable for the whole day: the input is computed from
  // this morning's midnight (local, the browser's zone), so it changes only when the day does.
  const dayStamp = new Date().toDateString();
  const listInput = useMemo(
    () => filtersToListInput(filters, new Date(dayStamp), zone),
    [filters, zone, dayStamp],
  );
  const activeCount =
    (filters.status !== "OPEN" ? 1 : 0) + filters.priorities.length + filters.tagIds.length + (filters.due ? 1 : 0) + (filters.q ? 1 : 0);

  return { filters, setFilters, listInput, activeCount, zone };
}
