// A user's tags. Names are unique per user regardless of case; the database index is
// case-sensitive, so writers take lockUserTags first and check with findTagsByNames.
import type { Tx } from "../client.ts";
import { Prisma } from "../generated/prisma/client.ts";

export const tagRowSelect = { id: true, name: true, color: true } satisfies Prisma.TagSelect;
export type TagRow = Prisma.TagGetPayload<{ select: typeof tagRowSelect }>;

export interface TagWithCounts extends TagRow {
  /** Live (not deleted) tasks carrying the tag. */
  taskCount: number;
  /** Live open tasks carrying the tag. */
  openTaskCount: number;
}

/**
 * Serialises tag writes of one user until the transaction ends, so two concurrent requests
 * cannot both create "Home" and "home".
 */
export async function lockUserTags(tx: Tx, params: { userId: string }): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`tags:${params.userId}`}, 0))`;
}

export async function listTagsWithCounts(tx: Tx, params: { userId: string }): Promise<TagWithCounts[]> {
  const rows = await tx.$queryRaw<
    { id: string; name: string; color: string; task_count: bigint; open_task_count: bigint }[]
  >(Prisma.sql`
    SELECT g.id, g.name, g.color,
           count(t.id) AS task_count,
           count(t.id) FILTER (WHERE t.status = 'OPEN') AS open_task_count
      FROM tags g
      LEFT JOIN task_tags tt ON tt.tag_id = g.id
      LEFT JOIN tasks t ON t.id = tt.task_id AND t.deleted_at IS NULL
     WHERE g.user_id = ${params.userId}
     GROUP BY g.id
     ORDER BY lower(g.name), g.name, g.id`);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    color: row.color,
    taskCount: Number(row.task_count),
    openTaskCount: Number(row.open_task_count),
  }));
}

export async function findTagForUser(tx: Tx, params: { userId: string; id: string }): Promise<TagRow | null> {
  return tx.tag.findFirst({ where: { id: params.id, userId: params.userId }, select: tagRowSelect });
}

/** The subset of `ids` that are this user's tags. */
export async function findTagsByIds(tx: Tx, params: { userId: string; ids: string[] }): Promise<TagRow[]> {
  if (params.ids.length === 0) return [];
  return tx.tag.findMany({
    where: { userId: params.userId, id: { in: params.ids } },
    select: tagRowSelect,
  });
}

/** This user's tags whose names equal any of `names`, ignoring case. */
export async function findTagsByNames(
  tx: Tx,
  params: { userId: string; names: string[]; excludeId?: string },
): Promise<TagRow[]> {
  if (params.names.length === 0) return [];
  return tx.tag.findMany({
    where: {
      userId: params.userId,
      OR: params.names.map((name) => ({ name: { equals: name, mode: "insensitive" as const } })),
      ...(params.excludeId ? { id: { not: params.excludeId } } : {}),
    },
    select: tagRowSelect,
  });
}

export async function insertTag(
  tx: Tx,
  params: { id: string; userId: string; name: string; color?: string },
): Promise<TagRow> {
  return tx.tag.create({
    data: { id: params.id, userId: params.userId, name: params.name, ...(params.color ? { color: params.color } : {}) },
    select: tagRowSelect,
  });
}

/** Returns the updated tag, or null when it is not this user's. */
export async function updateTag(
  tx: Tx,
  params: { userId: string; id: string; data: { name?: string; color?: string } },
): Promise<TagRow | null> {
  const { count } = await tx.tag.updateMany({
    where: { id: params.id, userId: params.userId },
    data: params.data,
  });
  return count === 1 ? findTagForUser(tx, params) : null;
}

/**
 * Locks a tag and every task carrying it, for a rename, recolour or delete that must also change
 * those tasks (new version, task.updated) in the same transaction. Null when it is not this
 * user's tag. The tasks are locked first, since task writers lock their task before linking a tag
 * (the reverse order could deadlock); the tag is locked FOR UPDATE, which waits for and then
 * blocks transactions linking a task to it (their foreign-key check takes FOR KEY SHARE), so the
 * carriers read after it are final.
 */
export async function lockTagWithTasks(
  tx: Tx,
  params: { userId: string; id: string },
): Promise<{ tag: TagRow; taskIds: string[] } | null> {
  await lockTasksWithTag(tx, params);
  const [tag] = await tx.$queryRaw<TagRow[]>`
    SELECT id, name, color FROM tags WHERE id = ${params.id}::uuid AND user_id = ${params.userId} FOR UPDATE`;
  if (!tag) return null;
  return { tag, taskIds: await lockTasksWithTag(tx, params) };
}

async function lockTasksWithTag(tx: Tx, params: { userId: string; id: string }): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT t.id FROM tasks t JOIN task_tags tt ON tt.task_id = t.id
     WHERE tt.tag_id = ${params.id}::uuid AND t.user_id = ${params.userId}
     ORDER BY t.id FOR UPDATE OF t`;
  return rows.map((row) => row.id);
}

/** Deletes the tag (and, by cascade, its links to tasks); false when it is not this user's. */
export async function deleteTag(tx: Tx, params: { userId: string; id: string }): Promise<boolean> {
  const { count } = await tx.tag.deleteMany({ where: { id: params.id, userId: params.userId } });
  return count === 1;
}
