// The task.list input a board asks for: its filters and its scope, with every day-bounded instant
// taken from the viewer's day in the viewer's zone. The browser and the server's prefetch both
// build it here, so they agree on the input and hence on the query key (a key that differs by
// one field would silently fetch the list again after hydration).
import { scopeListInput, type BoardScope } from "./board-scope";
import { dateInZone } from "./due-dates";
import { filtersDependOnZone, filtersToListInput, type BoardFilters } from "./filters/board-filters";
import type { TaskListInput } from "./types";

/**
 * `day` is the viewer's calendar day ("yyyy-MM-dd", `todayKey(now, zone)`): the input changes only
 * when it does, so the query key stays the same all day, and the server and the browser get the
 * same day from the same zone whatever the zone of the machine they run on.
 */
export function boardListInput(filters: BoardFilters, scope: BoardScope, zone: string, day: string): TaskListInput {
  const midnight = dateInZone(day, zone);
  return { ...filtersToListInput(filters, midnight, zone), ...scopeListInput(scope, midnight, zone) };
}

/** Whether the input needs the viewer's zone: Today and Upcoming, and day-bounded due filters. */
export function listInputDependsOnZone(filters: BoardFilters, scope: BoardScope): boolean {
  return scope.kind === "today" || scope.kind === "upcoming" || filtersDependOnZone(filters);
}
