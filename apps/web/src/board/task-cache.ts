// The one module that reads and writes the cached tasks of this tab: every cached task.list
// (plain and infinite) and task.get. Optimistic edits (use-task-actions.ts) and live changes
// (realtime/apply-change.ts) both go through it. Queries are found with tRPC's own filters and keys
// (trpc/query-keys.ts), the list shapes are inferred from the router.
// A snapshot never replaces a newer one already in the cache (tasks carry a version).
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import type { inferInput, inferOutput } from "@trpc/tanstack-react-query";
import { taskListComparator, taskMatchesList } from "@/realtime/task-list-match";
import { queryKeys } from "@/trpc/query-keys";
import type { Task, TaskListInput } from "./types";

type RouterListPage = inferOutput<typeof queryKeys.task.list>;
/** A page as the board reads it: the router's page, with its items as the board's Task. */
export type ListPage = Omit<RouterListPage, "items"> & { items: Task[] };
type InfiniteList = { pages: ListPage[]; pageParams: unknown[] };
type ListData = ListPage | InfiniteList;

export type CacheSnapshot = [QueryKey, unknown][];

const listFilter = () => queryKeys.task.list.pathFilter();
const getFilter = () => queryKeys.task.get.pathFilter();

function isInfinite(data: ListData): data is InfiniteList {
  return Array.isArray((data as InfiniteList).pages);
}

function pagesOf(data: ListData): ListPage[] {
  return isInfinite(data) ? data.pages : [data];
}

/** The input a cached list was fetched with (tRPC keeps it in the key's second element). */
function inputOf(key: QueryKey): TaskListInput {
  const meta = key[1] as { input?: inferInput<typeof queryKeys.task.list> } | undefined;
  return (meta?.input ?? {}) as TaskListInput;
}

/** Would a list with this input show a task with this status? (Other filters are left to the refetch.) */
function statusMatches(input: TaskListInput, task: Task): boolean {
  const status = input.status ?? "OPEN";
  return status === "ALL" || status === task.status;
}

function cachedLists(client: QueryClient): [QueryKey, ListData][] {
  return client.getQueriesData<ListData>(listFilter()).filter((entry): entry is [QueryKey, ListData] => entry[1] !== undefined);
}

function mapLists(
  client: QueryClient,
  map: (items: Task[], input: TaskListInput, pageIndex: number) => Task[],
): void {
  for (const [key, data] of cachedLists(client)) {
    const input = inputOf(key);
    const next: ListData = isInfinite(data)
      ? { ...data, pages: data.pages.map((page, i) => ({ ...page, items: map(page.items, input, i) })) }
      : { ...data, items: map(data.items, input, 0) };
    client.setQueryData(key, next);
  }
}

export async function snapshotLists(client: QueryClient): Promise<CacheSnapshot> {
  // Cancel in-flight fetches so they do not overwrite the optimistic state with older data.
  await client.cancelQueries(listFilter());
  return client.getQueriesData(listFilter());
}

export function restoreLists(client: QueryClient, snapshot: CacheSnapshot): void {
  for (const [key, data] of snapshot) client.setQueryData(key, data);
}

export function invalidateLists(client: QueryClient): Promise<void> {
  return client.invalidateQueries(listFilter());
}

/** Every task query (lists, single tasks): after a gap in the feed too large to replay. */
export function invalidateAllTasks(client: QueryClient): Promise<void> {
  return client.invalidateQueries(queryKeys.task.pathFilter());
}

/** Replace a task everywhere it is cached; drop it from lists whose status filter no longer fits. */
export function putTask(client: QueryClient, task: Task): void {
  mapLists(client, (items, input) => {
    const out: Task[] = [];
    for (const item of items) {
      if (item.id !== task.id) out.push(item);
      else if (item.version > task.version) out.push(item);
      else if (statusMatches(input, task) && !task.deletedAt) out.push(task);
    }
    return out;
  });
}

export function removeTask(client: QueryClient, id: string): void {
  mapLists(client, (items) => items.filter((t) => t.id !== id));
}

/** Add a task at the top of the first page of every list it belongs to. */
export function insertTask(client: QueryClient, task: Task, replacingId?: string): void {
  mapLists(client, (items, input, pageIndex) => {
    const without = items.filter((t) => t.id !== task.id && t.id !== replacingId);
    if (pageIndex !== 0 || !statusMatches(input, task) || !projectMatches(input, task)) return without;
    return [task, ...without];
  });
}

/** A list of one project shows only that project's tasks (a task without a project: unknown, shown). */
function projectMatches(input: TaskListInput, task: Task): boolean {
  return !input.projectId || !task.projectId || input.projectId === task.projectId;
}

export function findCachedTask(client: QueryClient, id: string): Task | undefined {
  for (const [, data] of cachedLists(client)) {
    const hit = pagesOf(data)
      .flatMap((p) => p.items)
      .find((t) => t.id === id);
    if (hit) return hit;
  }
  return undefined;
}

/** `items` with task `id` at `position` (and section), re-sorted when the list is in manual order. */
function withPosition(items: Task[], input: TaskListInput, id: string, position: number, placement: Pick<Partial<Task>, "sectionId"> = {}): Task[] {
  const moved = items.map((t) => (t.id === id ? { ...t, ...placement, position } : t));
  if ((input.sort ?? "position") !== "position") return moved;
  const sign = input.sortDirection === "desc" ? -1 : 1;
  return moved.sort((a, b) => sign * (a.position - b.position));
}

/** Give a task a new board position (and section); lists sorted by position are re-ordered at once. */
export function moveTask(client: QueryClient, id: string, position: number, placement: Pick<Partial<Task>, "sectionId"> = {}): void {
  mapLists(client, (items, input) => withPosition(items, input, id, position, placement));
}

/**
 * Manual-order moves this tab has asked for and the server has not answered yet, per task, in the
 * order asked. Until then the place the user gave a card is the one to show and to move from:
 * - a mutation's onMutate first waits for in-flight list fetches to be cancelled, and a second
 *   Alt+↑ pressed in that gap must start from where the first one puts the card;
 * - the live feed can echo an earlier move of the card before that move's own answer, and the
 *   echo must not put the card back (or the next key would move it from there).
 */
const movesAsked = new WeakMap<QueryClient, Map<string, number[]>>();

export function recordMoveAsked(client: QueryClient, id: string, position: number): void {
  const asked = movesAsked.get(client) ?? new Map<string, number[]>();
  movesAsked.set(client, asked.set(id, [...(asked.get(id) ?? []), position]));
}

/** A move asked for has been answered (or failed): its place no longer overrides the server's. */
export function forgetMoveAsked(client: QueryClient, id: string, position: number): void {
  const asked = movesAsked.get(client);
  const positions = asked?.get(id);
  if (!asked || !positions) return;
  const index = positions.indexOf(position);
  const rest = index < 0 ? positions : positions.filter((_, i) => i !== index);
  if (rest.length === 0) asked.delete(id);
  else asked.set(id, rest);
}

function lastMoveAsked(client: QueryClient, id: string): number | undefined {
  return movesAsked.get(client)?.get(id)?.at(-1);
}

/** `task` at the place last asked for it, if a move of it is still unanswered. */
export function withMoveAsked(client: QueryClient, task: Task): Task {
  const position = lastMoveAsked(client, task.id);
  return position === undefined ? task : { ...task, position };
}

/** `items` of a list with `input` as they will be once every unanswered move is in place. */
export function withMovesAsked(client: QueryClient, items: Task[], input: TaskListInput): Task[] {
  let result = items;
  for (const id of movesAsked.get(client)?.keys() ?? []) {
    const position = lastMoveAsked(client, id);
    if (position !== undefined) result = withPosition(result, input, id, position);
  }
  return result;
}

/** Apply `change` to every cached task: a task to replace it, null to drop it, undefined to keep it. */
export function updateTasks(client: QueryClient, change: (task: Task) => Task | null | undefined): void {
  mapLists(client, (items) =>
    items.flatMap((task) => {
      const next = change(task);
      return next === undefined ? [task] : next === null ? [] : [next];
    }),
  );
}

/** The highest version of a task held in any cached list (0: not cached). */
export function cachedVersion(client: QueryClient, id: string): number {
  let version = 0;
  for (const [, data] of cachedLists(client)) {
    for (const page of pagesOf(data)) {
      for (const item of page.items) if (item.id === id) version = Math.max(version, item.version);
    }
  }
  return version;
}

/**
 * A live change: the task leaves every list, then goes back at its sorted place into each list whose
 * filters it passes (`task` null: removed). Lists whose filters this tab cannot judge (whose tasks
 * are assigned to me, today, upcoming) are refetched instead. task.get follows.
 */
export function placeTaskEverywhere(client: QueryClient, id: string, task: Task | null, now: Date): void {
  for (const [key, data] of cachedLists(client)) {
    const input = inputOf(key);
    const belongs = task ? taskMatchesList(input, task, now) : false;
    if (belongs === "unknown") {
      client.setQueryData(key, placeInList(data, id, null, input));
      void client.invalidateQueries({ queryKey: key, exact: true });
      continue;
    }
    client.setQueryData(key, placeInList(data, id, belongs ? task : null, input));
  }
  for (const [key, data] of client.getQueriesData<Task>(getFilter())) {
    if (data?.id === id && task) client.setQueryData(key, task);
  }
}

/** Drops every task of a project from every list (the member left it, or it was deleted). */
export function removeProjectTasks(client: QueryClient, projectId: string): void {
  mapLists(client, (items) => items.filter((t) => t.projectId !== projectId));
  for (const [key, data] of client.getQueriesData<Task>(getFilter())) {
    if (data?.projectId === projectId) client.removeQueries({ queryKey: key, exact: true });
  }
}

/** The list without the task, then with `task` at its sorted place if that place is loaded. */
export function placeInList(data: ListData, id: string, task: Task | null, input: TaskListInput): ListData {
  const without = pagesOf(data).map((page) => ({ ...page, items: page.items.filter((item) => item.id !== id) }));
  if (task) insertSorted(without, task, input);
  return isInfinite(data) ? { ...data, pages: without } : (without[0] as ListPage);
}

function insertSorted(pages: ListPage[], task: Task, input: TaskListInput): void {
  const compare = taskListComparator(input);
  for (const [index, page] of pages.entries()) {
    const at = page.items.findIndex((item) => compare(task, item) < 0);
    if (at >= 0) {
      page.items.splice(at, 0, task);
      return;
    }
    const isLast = index === pages.length - 1;
    // After everything loaded: it belongs to a page not fetched yet, unless this is the end.
    if (isLast && page.nextCursor === null) page.items.push(task);
  }
}
