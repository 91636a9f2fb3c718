// Applies one change of the user's feed to the TanStack Query cache: the task is replaced,
// inserted at its sorted place or removed in every cached task.list (plain or infinite) according
// to that list's filters, and updated in task.get. A snapshot whose version is not newer than the
// one already seen is ignored (docs/invariants.md #4), including one that arrives after the task's removal.
// No refetch, except the notification queries a "notification" change makes stale and the audit
// lists an "audit" change adds to (audit-change.ts).
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import type { Task, TaskListInput } from "@/board/types";
import { applyAuditChange, type AuditChangePayload } from "./audit-change";
import type { TUserChange } from "./list-changes-since.schema";
import { taskListComparator, taskMatchesList } from "./task-list-match";

type ListPage = { items: Task[]; nextCursor: string | null };
type InfiniteList = { pages: ListPage[]; pageParams: unknown[] };
type ListData = ListPage | InfiniteList;

const LIST_KEY = [["task", "list"]] as const;
const GET_KEY = [["task", "get"]] as const;
const NOTIFICATION_KEY = [["notification"]] as const;

/** Highest task version seen per task id, across lists and removals. Lives as long as the tab. */
export type VersionLedger = Map<string, number>;

export type ApplyResult = "applied" | "stale" | "ignored";

export function applyChange(client: QueryClient, change: TUserChange, ledger: VersionLedger, now = new Date()): ApplyResult {
  if (change.kind === "notification") {
    void client.invalidateQueries({ queryKey: NOTIFICATION_KEY });
    return "applied";
  }
  if (change.kind === "audit") {
    applyAuditChange(client, (change.payload ?? {}) as AuditChangePayload);
    return "applied";
  }
  if (change.kind !== "task.upserted" && change.kind !== "task.removed") return "ignored";
  const held = Math.max(ledger.get(change.entityId) ?? 0, cachedVersion(client, change.entityId));
  if (change.version <= held) return "stale";
  ledger.set(change.entityId, change.version);

  const task = change.payload as Task;
  const upsert = change.kind === "task.upserted" && !task.deletedAt;
  for (const [key, data] of client.getQueriesData<ListData>({ queryKey: LIST_KEY })) {
    if (!data) continue;
    const input = inputOf(key);
    const belongs = upsert && taskMatchesList(input, task, now);
    client.setQueryData(key, placeInList(data, change.entityId, belongs ? task : null, input));
  }
  for (const [key, data] of client.getQueriesData<Task>({ queryKey: GET_KEY })) {
    if (data?.id === change.entityId) client.setQueryData(key, upsert ? task : data);
  }
  return "applied";
}

/** The list without the task, then with `task` at its sorted place if that place is loaded. */
export function placeInList(data: ListData, id: string, task: Task | null, input: TaskListInput): ListData {
  const pages = isInfinite(data) ? data.pages : [data];
  const without = pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== id) }));
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

function cachedVersion(client: QueryClient, id: string): number {
  let version = 0;
  for (const [, data] of client.getQueriesData<ListData>({ queryKey: LIST_KEY })) {
    if (!data) continue;
    for (const page of isInfinite(data) ? data.pages : [data]) {
      for (const item of page.items) if (item.id === id) version = Math.max(version, item.version);
    }
  }
  return version;
}

function isInfinite(data: ListData): data is InfiniteList {
  return Array.isArray((data as InfiniteList).pages);
}

function inputOf(key: QueryKey): TaskListInput {
  const meta = key[1] as { input?: TaskListInput } | undefined;
  return meta?.input ?? {};
}
