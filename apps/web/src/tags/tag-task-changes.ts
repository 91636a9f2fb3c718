// A tag is part of the snapshot of every task that carries it, so renaming, recolouring or
// deleting it changes those tasks: each gets a new version and a task.updated in the same
// transaction as the tag change, like any other task change. The audit trail and every open tab
// learn of it from those events.
import { bumpTaskVersions, findTasksByIds, lockTagWithTasks, type TagRow, type TaskRow, type Tx } from "@taskboard/db";
import { AppError } from "@/server/app-error";
import { recordTaskUpdates } from "@/tasks/task-updates";

/** Tasks per statement: a tag on thousands of tasks stays far below PostgreSQL's parameter limit. */
const TASKS_PER_STATEMENT = 500;

/**
 * A tag change rewrites every task carrying it: about a second per thousand tasks, so a tag on
 * thousands of them needs longer than Prisma's default 5 s.
 */
export const TAG_CHANGE_TRANSACTION = { timeout: 60_000 };

export interface TagWithTasks {
  tag: TagRow;
  /** The tasks carrying the tag, as they are before the change, locked until the commit. */
  tasks: TaskRow[];
}

/** Locks the user's tag and its tasks for a change; NOT_FOUND when it is not the user's tag. */
export async function lockTagForChange(tx: Tx, params: { userId: string; id: string }): Promise<TagWithTasks> {
  const locked = await lockTagWithTasks(tx, params);
  if (!locked) throw new AppError("NOT_FOUND", "Tag not found");
  const tasks: TaskRow[] = [];
  for (const ids of chunked(locked.taskIds)) {
    const rows = await findTasksByIds(tx, ids);
    // Only real carriers: an event whose snapshot did not change would be refused (no changedFields).
    tasks.push(...rows.filter((row) => row.tags.some(({ tag }) => tag.id === params.id)));
  }
  return { tag: locked.tag, tasks };
}

/** Once the tag is changed: a new version and a task.updated (changedFields ["tags"]) per task. */
export async function recordTagChangeOnTasks(
  tx: Tx,
  params: { userId: string; tasks: readonly TaskRow[]; now: Date },
): Promise<void> {
  const { userId, now } = params;
  for (const before of chunked(params.tasks)) {
    const ids = before.map((row) => row.id);
    await bumpTaskVersions(tx, { ids, now });
    const after = new Map((await findTasksByIds(tx, ids)).map((row) => [row.id, row]));
    const changes = before.flatMap((row) => {
      const changed = after.get(row.id);
      return changed ? [{ before: row, after: changed }] : [];
    });
    await recordTaskUpdates(tx, { actorId: userId, changes, now });
  }
}

function* chunked<T>(items: readonly T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += TASKS_PER_STATEMENT) {
    yield items.slice(start, start + TASKS_PER_STATEMENT);
  }
}
