// Optimistic edits to every cached task list (plain and infinite), with a snapshot to roll back.
// A server snapshot never replaces a newer one already in the cache (tasks carry a version).
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import type { Task, TaskListInput } from "./types";

type ListPage = { items: Task[]; nextCursor: string | null };
type InfiniteList = { pages: ListPage[]; pageParams: unknown[] };
type ListData = ListPage | InfiniteList;

export type CacheSnapshot = [QueryKey, unknown][];

const LIST_PATH = [["task", "list"]] as const;

function isInfinite(data: ListData): data is InfiniteList {
  return Array.isArray((data as InfiniteList).pages);
}

function inputOf(key: QueryKey): TaskListInput {
  const meta = key[1] as { input?: TaskListInput } | undefined;
  return meta?.input ?? {};
}

/** Would a list with this input show a task with this status? (Other filters are left to the refetch.) */
function statusMatches(input: TaskListInput, task: Task): boolean {
  const status = input.status ?? "OPEN";
  return status === "ALL" || status === task.status;
}

function mapLists(
  client: QueryClient,
  map: (items: Task[], input: TaskListInput, pageIndex: number) => Task[],
): void {
  for (const [key, data] of client.getQueriesData<ListData>({ queryKey: LIST_PATH })) {
    if (!data) continue;
    const input = inputOf(key);
    const next: ListData = isInfinite(data)
      ? { ...data, pages: data.pages.map((page, i) => ({ ...page, items: map(page.items, input, i) })) }
      : { ...data, items: map(data.items, input, 0) };
    client.setQueryData(key, next);
  }
}

export async function snapshotLists(client: QueryClient): Promise<CacheSnapshot> {
  // Cancel in-flight fetches so they do not overwrite the optimistic state with older data.
  await client.cancelQueries({ queryKey: LIST_PATH });
  return client.getQueriesData({ queryKey: LIST_PATH });
}

export function restoreLists(client: QueryClient, snapshot: CacheSnapshot): void {
  for (const [key, data] of snapshot) client.setQueryData(key, data);
}

export function invalidateLists(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: LIST_PATH });
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
    if (pageIndex !== 0 || !statusMatches(input, task)) return without;
    return [task, ...without];
  });
}

export function findCachedTask(client: QueryClient, id: string): Task | undefined {
  for (const [, data] of client.getQueriesData<ListData>({ queryKey: LIST_PATH })) {
    if (!data) continue;
    const items = isInfinite(data) ? data.pages.flatMap((p) => p.items) : data.items;
    const hit = items.find((t) => t.id === id);
    if (hit) return hit;
  }
  return undefined;
}

/** Give a task a new board position (and section); lists sorted by position are re-ordered at once. */
export function moveTask(client: QueryClient, id: string, position: number, placement: Pick<Partial<Task>, "sectionId"> = {}): void {
  mapLists(client, (items, input) => {
    const moved = items.map((t) => (t.id === id ? { ...t, ...placement, position } : t));
    if ((input.sort ?? "position") !== "position") return moved;
    const sign = input.sortDirection === "desc" ? -1 : 1;
    return moved.sort((a, b) => sign * (a.position - b.position));
  });
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
