// Task reads and writes (the board's list query: task-list.ts). Reads on a person's behalf are
// scoped to the projects they are a member of; writes are checked by the caller with
// project-access.ts in the same transaction. Callers pass the transaction that also writes the
// outbox row; nothing here commits on its own.
import type { Tx } from "../client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { RecurrenceMode, TaskPriority, TaskStatus } from "../generated/prisma/enums.ts";
import type { ProjectAccess } from "./project-access.ts";

/** Every column of a task a snapshot needs. */
const taskColumnSelect = {
  id: true,
  userId: true,
  title: true,
  description: true,
  status: true,
  priority: true,
  dueAt: true,
  allDay: true,
  timeZone: true,
  remindAt: true,
  remindBeforeMinutes: true,
  rrule: true,
  recurrenceMode: true,
  seriesId: true,
  seriesStartAt: true,
  projectId: true,
  sectionId: true,
  assigneeId: true,
  position: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  completedAt: true,
  deletedAt: true,
} satisfies Prisma.TaskSelect;

const tagSelect = { id: true, name: true, color: true } satisfies Prisma.TagSelect;

/** Every column a task snapshot needs, with its tags sorted by name. */
export const taskRowSelect = {
  ...taskColumnSelect,
  tags: { select: { tag: { select: tagSelect } }, orderBy: { tag: { name: "asc" } } },
} satisfies Prisma.TaskSelect;

export type TaskRow = Prisma.TaskGetPayload<{ select: typeof taskRowSelect }>;

/** The columns a mutation may set (id, user, version and timestamps are managed here). */
export interface TaskWriteData {
  title?: string;
  description?: string;
  status?: TaskStatus;
  priority?: TaskPriority;
  dueAt?: Date | null;
  allDay?: boolean;
  timeZone?: string;
  remindAt?: Date | null;
  remindBeforeMinutes?: number | null;
  rrule?: string | null;
  recurrenceMode?: RecurrenceMode | null;
  seriesId?: string | null;
  seriesStartAt?: Date | null;
  projectId?: string;
  sectionId?: string | null;
  assigneeId?: string | null;
  position?: number;
  completedAt?: Date | null;
  deletedAt?: Date | null;
}

/** Only the tasks of projects this person is a member of. */
const visibleTo = (userId: string) => ({ project: { members: { some: { userId } } } }) satisfies Prisma.TaskWhereInput;

/**
 * A task in one of this person's projects, soft-deleted ones included (undo needs them); null for
 * a task they cannot see (no existence leak).
 */
export async function findTaskForUser(
  tx: Tx,
  params: { userId: string; id: string },
): Promise<TaskRow | null> {
  return tx.task.findFirst({
    where: { id: params.id, ...visibleTo(params.userId) },
    select: taskRowSelect,
  });
}

/**
 * A task this person can see (soft-deleted ones included) with their access to its project, in
 * one statement (relationJoins): every write to a task starts here, and reading the access
 * separately cost a round trip of its own. Null for a task they cannot see.
 */
export async function findTaskWithAccess(
  tx: Tx,
  params: { userId: string; id: string },
): Promise<{ row: TaskRow; access: ProjectAccess } | null> {
  const found = await tx.task.findFirst({
    where: { id: params.id, ...visibleTo(params.userId) },
    select: {
      ...taskRowSelect,
      project: {
        select: {
          isInbox: true,
          ownerId: true,
          archivedAt: true,
          deletedAt: true,
          members: { where: { userId: params.userId }, select: { role: true } },
        },
      },
    },
  });
  const membership = found?.project.members[0];
  if (!found || !membership) return null;
  const { project, ...row } = found;
  return {
    row,
    access: {
      projectId: row.projectId,
      role: membership.role,
      isInbox: project.isInbox,
      ownerId: project.ownerId,
      archived: project.archivedAt !== null,
      deleted: project.deletedAt !== null,
    },
  };
}

/**
 * Position for a new task at the bottom of a project, without a lock: the next number of the
 * `task_positions` sequence (migration 008), which concurrent transactions get without waiting on
 * each other. A task someone moved below everything (a position above the sequence) still keeps new
 * tasks under it: the larger of the two wins. Only creates racing in a project right after such a
 * move can then share a position; the board orders those by id.
 */
export async function nextTaskPosition(tx: Tx, params: { projectId: string }): Promise<number> {
  const [row] = await tx.$queryRaw<{ position: number }[]>`
    SELECT GREATEST(nextval('task_positions')::float8, COALESCE(MAX(position), 0) + 1) AS position
    FROM tasks WHERE project_id = ${params.projectId}::uuid AND deleted_at IS NULL`;
  if (!row) throw new Error("nextTaskPosition: the position query returned no row");
  return row.position;
}

/**
 * Inserts the task and returns its row. Written as one INSERT ... RETURNING plus, only when it has
 * tags, their links and names: a nested create with the tags relation selected costs a create
 * without tags three more round trips (the row read back, then its links, then their tags).
 */
export async function insertTask(
  tx: Tx,
  params: { id: string; userId: string; data: TaskWriteData & { title: string; projectId: string }; tagIds: string[]; now: Date },
): Promise<TaskRow> {
  const row = await tx.task.create({
    data: { ...params.data, id: params.id, userId: params.userId, createdAt: params.now, updatedAt: params.now },
    select: taskColumnSelect,
  });
  if (params.tagIds.length === 0) return { ...row, tags: [] };
  await tx.taskTag.createMany({ data: params.tagIds.map((tagId) => ({ taskId: params.id, tagId })) });
  const tags = await tx.tag.findMany({ where: { id: { in: params.tagIds } }, select: tagSelect, orderBy: { name: "asc" } });
  return { ...row, tags: tags.map((tag) => ({ tag })) };
}

/** A task's own columns, without its tags: what a write returns. */
export type TaskColumns = Omit<TaskRow, "tags">;

/**
 * Applies `data` and bumps the version only if the task is still at `expectedVersion`: a single
 * UPDATE ... WHERE id AND version RETURNING, so of two concurrent writers exactly one wins and
 * the winner needs no read-back. The caller has checked the writer's access in this transaction.
 * Returns the written columns, or null when nothing matched (gone, or changed meanwhile).
 */
export async function updateTaskAtVersion(
  tx: Tx,
  params: { id: string; expectedVersion: number; data: TaskWriteData; now: Date },
): Promise<TaskColumns | null> {
  const [written] = await tx.task.updateManyAndReturn({
    where: { id: params.id, version: params.expectedVersion },
    data: { ...params.data, updatedAt: params.now, version: { increment: 1 } },
    select: taskColumnSelect,
  });
  return written ?? null;
}

/** Tasks by id whoever owns them: for consumers acting on events (the event names the task). */
export async function findTasksByIds(tx: Tx, ids: readonly string[]): Promise<TaskRow[]> {
  if (ids.length === 0) return [];
  return tx.task.findMany({ where: { id: { in: [...ids] } }, select: taskRowSelect });
}

export async function findTaskById(tx: Tx, id: string): Promise<TaskRow | null> {
  return tx.task.findUnique({ where: { id }, select: taskRowSelect });
}

/** False once the task (or its owner's account) is gone for good. */
export async function taskExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.task.findUnique({ where: { id }, select: { id: true } })) !== null;
}

/** The tasks among `ids` this person can see (deleted ones included), in no particular order. */
export async function findTasksForUser(tx: Tx, params: { userId: string; ids: readonly string[] }): Promise<TaskRow[]> {
  if (params.ids.length === 0) return [];
  return tx.task.findMany({ where: { id: { in: [...params.ids] }, ...visibleTo(params.userId) }, select: taskRowSelect });
}

/**
 * A new version of each of these tasks with no column of its own changed: for a change made
 * elsewhere that their snapshot shows (a renamed or deleted tag). The caller holds their locks.
 */
export async function bumpTaskVersions(tx: Tx, params: { ids: readonly string[]; now: Date }): Promise<void> {
  if (params.ids.length === 0) return;
  await tx.task.updateMany({
    where: { id: { in: [...params.ids] } },
    data: { updatedAt: params.now, version: { increment: 1 } },
  });
}

/** Replaces the task's tag set. The caller has checked the tags belong to the task's owner. */
export async function replaceTaskTags(
  tx: Tx,
  params: { taskId: string; tagIds: string[] },
): Promise<void> {
  await tx.taskTag.deleteMany({ where: { taskId: params.taskId } });
  if (params.tagIds.length > 0) {
    await tx.taskTag.createMany({
      data: params.tagIds.map((tagId) => ({ taskId: params.taskId, tagId })),
    });
  }
}

// ---- listing ----
