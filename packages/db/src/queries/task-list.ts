// The board's task list: filters, sorts and keyset pagination over the tasks of one person's
// projects, built as Prisma conditions. Task writes live in tasks.ts.
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
  /** Tasks in this section of the listed project; null: those in no section ("No section"). */
  sectionId?: string | null;
  /** Tasks assigned to this person. */
  assigneeId?: string;
}

/**
 * Which projects' tasks to list: one project (archived ones too: the person opened it), or every
 * live, unarchived project the person is a member of.
 */
export type TaskListScope = { projectId: string } | { allProjects: true };

/** The sort key of the last row of a page and its id: where the next page starts. */
export interface TaskListKey {
  value: string | number | null;
  id: string;
}

const PRIORITY_ORDER: TaskPriority[] = ["NONE", "LOW", "MEDIUM", "HIGH", "URGENT"];
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One page of live (not deleted) tasks of the projects the user is a member of. Pagination is keyset-based on (sort key, id)
 * so it stays stable while tasks are added or changed; tasks without a due date sort last in
 * both directions of the "due" sort.
 */
export async function listTasksForUser(
  tx: Tx,
  params: {
    userId: string;
    scope: TaskListScope;
    filter: TaskListFilter;
    sort: TaskListSort;
    direction: SortDirection;
    after: TaskListKey | null;
    limit: number;
    now: Date;
  },
): Promise<TaskRow[]> {
  const and: Prisma.TaskWhereInput[] = [
    { deletedAt: null },
    scopeCondition(params.userId, params.scope),
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

function scopeCondition(userId: string, scope: TaskListScope): Prisma.TaskWhereInput {
  // Membership is part of the query itself, so no caller can list a project it is not in.
  const member = { members: { some: { userId } }, deletedAt: null } satisfies Prisma.ProjectWhereInput;
  if ("projectId" in scope) return { projectId: scope.projectId, project: member };
  return { project: { ...member, archivedAt: null } };
}

function filterConditions(filter: TaskListFilter, now: Date): Prisma.TaskWhereInput[] {
  const conditions: Prisma.TaskWhereInput[] = [];
  if (filter.status !== "ALL") conditions.push({ status: filter.status });
  if (filter.priorities?.length) conditions.push({ priority: { in: filter.priorities } });
  if (filter.tagIds?.length) conditions.push({ tags: { some: { tagId: { in: filter.tagIds } } } });
  if (filter.sectionId !== undefined) conditions.push({ sectionId: filter.sectionId });
  if (filter.assigneeId !== undefined) conditions.push({ assigneeId: filter.assigneeId });
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
