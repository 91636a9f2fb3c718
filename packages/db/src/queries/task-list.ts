// The board's task list: filters, sorts and keyset pagination over one user's tasks, built as
// Prisma conditions. Task writes live in tasks.ts.
import type { Tx } from "../client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { TaskPriority } from "../generated/prisma/enums.ts";
import { taskRowSelect, type TaskRow } from "./tasks.ts";

export type TaskListSort = "due" | "priority" | "created" | "title" | "position";
export type SortDirection = "asc" | "desc";

export interface TaskListFilter {
  status: "OPEN" | "COMPLETED" | "ALL";
  priorities?: TaskPriority[];
  /** Tasks carrying any of these tags. */
  tagIds?: string[];
  dueFrom?: Date;
  dueTo?: Date;
  overdue?: boolean;
  search?: string;
}

/** The sort key of the last row of a page and its id: where the next page starts. */
export interface TaskListKey {
  value: string | number | null;
  id: string;
}

const PRIORITY_ORDER: TaskPriority[] = ["NONE", "LOW", "MEDIUM", "HIGH", "URGENT"];
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One page of the user's live (not deleted) tasks. Pagination is keyset-based on (sort key, id)
 * so it stays stable while tasks are added or changed; tasks without a due date sort last in
 * both directions of the "due" sort.
 */
export async function listTasksForUser(
  tx: Tx,
  params: {
    userId: string;
    filter: TaskListFilter;
    sort: TaskListSort;
    direction: SortDirection;
    after: TaskListKey | null;
    limit: number;
    now: Date;
  },
): Promise<TaskRow[]> {
  const and: Prisma.TaskWhereInput[] = [
    { userId: params.userId, deletedAt: null },
    ...filterConditions(params.filter, params.now),
  ];
  if (params.after) and.push(afterKey(params.sort, params.direction, params.after));
  return tx.task.findMany({
    where: { AND: and },
    orderBy: orderFor(params.sort, params.direction),
    take: params.limit,
    select: taskRowSelect,
  });
}

/** The keyset value of a row for a sort, as it travels inside a cursor. */
export function taskListKeyOf(row: Pick<TaskRow, "id" | "dueAt" | "priority" | "createdAt" | "title" | "position">, sort: TaskListSort): TaskListKey {
  switch (sort) {
    case "due":
      return { value: row.dueAt?.toISOString() ?? null, id: row.id };
    case "priority":
      return { value: row.priority, id: row.id };
    case "created":
      return { value: row.createdAt.toISOString(), id: row.id };
    case "title":
      return { value: row.title, id: row.id };
    case "position":
      return { value: row.position, id: row.id };
  }
}

function filterConditions(filter: TaskListFilter, now: Date): Prisma.TaskWhereInput[] {
  const conditions: Prisma.TaskWhereInput[] = [];
  if (filter.status !== "ALL") conditions.push({ status: filter.status });
  if (filter.priorities?.length) conditions.push({ priority: { in: filter.priorities } });
  if (filter.tagIds?.length) conditions.push({ tags: { some: { tagId: { in: filter.tagIds } } } });
  if (filter.dueFrom) conditions.push({ dueAt: { gte: filter.dueFrom } });
  if (filter.dueTo) conditions.push({ dueAt: { lte: filter.dueTo } });
  if (filter.search) {
    // Prisma passes `contains` into ILIKE as is: escape LIKE's wildcards so "100%" is literal.
    const search = filter.search.replace(/[\\%_]/g, (char) => `\\${char}`);
    conditions.push({
      OR: [
        { title: { contains: search, mode: "insensitive" } },
        { description: { contains: search, mode: "insensitive" } },
      ],
    });
  }
  if (filter.overdue !== undefined) {
    // An all-day task is due for the whole day that starts at dueAt.
    const allDayCutoff = new Date(now.getTime() - DAY_MS);
    if (filter.overdue) {
      conditions.push({
        status: "OPEN",
        OR: [
          { allDay: false, dueAt: { lt: now } },
          { allDay: true, dueAt: { lt: allDayCutoff } },
        ],
      });
    } else {
      // Spelled out rather than NOT(...) because SQL's NOT over a NULL due date is NULL.
      conditions.push({
        OR: [
          { status: "COMPLETED" },
          { dueAt: null },
          { allDay: false, dueAt: { gte: now } },
          { allDay: true, dueAt: { gte: allDayCutoff } },
        ],
      });
    }
  }
  return conditions;
}

function orderFor(sort: TaskListSort, direction: SortDirection): Prisma.TaskOrderByWithRelationInput[] {
  const byId: Prisma.TaskOrderByWithRelationInput = { id: direction };
  switch (sort) {
    case "due":
      return [{ dueAt: { sort: direction, nulls: "last" } }, byId];
    case "priority":
      return [{ priority: direction }, byId];
    case "created":
      return [{ createdAt: direction }, byId];
    case "title":
      return [{ title: direction }, byId];
    case "position":
      return [{ position: direction }, byId];
  }
}

/** Rows strictly after `key` in the (sort, id) order of orderFor. */
function afterKey(sort: TaskListSort, direction: SortDirection, key: TaskListKey): Prisma.TaskWhereInput {
  const beyond = direction === "asc" ? "gt" : "lt";
  const idAfter: Prisma.TaskWhereInput = { id: { [beyond]: key.id } };
  switch (sort) {
    case "due": {
      if (key.value === null) return { AND: [{ dueAt: null }, idAfter] };
      const due = new Date(String(key.value));
      return {
        OR: [{ dueAt: { [beyond]: due } }, { AND: [{ dueAt: due }, idAfter] }, { dueAt: null }],
      };
    }
    case "priority": {
      const index = PRIORITY_ORDER.indexOf(key.value as TaskPriority);
      const later = direction === "asc" ? PRIORITY_ORDER.slice(index + 1) : PRIORITY_ORDER.slice(0, index);
      return {
        OR: [{ priority: { in: later } }, { AND: [{ priority: key.value as TaskPriority }, idAfter] }],
      };
    }
    case "created": {
      const created = new Date(String(key.value));
      return { OR: [{ createdAt: { [beyond]: created } }, { AND: [{ createdAt: created }, idAfter] }] };
    }
    case "title": {
      const title = String(key.value);
      return { OR: [{ title: { [beyond]: title } }, { AND: [{ title }, idAfter] }] };
    }
    case "position": {
      const position = Number(key.value);
      return { OR: [{ position: { [beyond]: position } }, { AND: [{ position }, idAfter] }] };
    }
  }
}
