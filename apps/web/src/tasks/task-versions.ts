// Loading a task for a change and the optimistic-concurrency rule: a caller that says which
// version it saw gets a CONFLICT when the task has moved on.
import { findTaskById, findTaskWithAccess, updateTaskAtVersion, type ProjectAccess, type TaskRow, type TaskWriteData, type Tx } from "@taskboard/db";
import { checkProjectAccess } from "@/projects/project-access";
import { AppError } from "@/server/app-error";

export function versionConflict(expected: number, actual: number): AppError {
  return new AppError(
    "CONFLICT",
    `This task was changed elsewhere (you have version ${expected}, it is now at ${actual}). Reload to see the latest.`,
  );
}

export const taskNotFound = () => new AppError("NOT_FOUND", "Task not found");

/**
 * A task the user can see (soft-deleted ones included) with their access to its project, or
 * NOT_FOUND: a task of a project they are not in, or of a deleted project, is as good as missing.
 */
export async function loadVisibleTask(tx: Tx, params: { userId: string; id: string }): Promise<{ row: TaskRow; access: ProjectAccess }> {
  const found = await findTaskWithAccess(tx, { userId: params.userId, id: params.id });
  if (!found || found.access.deleted) throw taskNotFound();
  return found;
}

/**
 * A task the user may change, or NOT_FOUND (also for a task in a project they are not in: no
 * existence leak), or FORBIDDEN for a viewer. A deleted task is only returned when
 * `allowDeleted`; otherwise it counts as gone. A task of a deleted project is gone.
 */
export async function loadTaskForChange(
  tx: Tx,
  params: { userId: string; id: string; expectedVersion?: number; allowDeleted?: boolean },
): Promise<TaskRow> {
  const { row, access } = await loadVisibleTask(tx, params);
  if (row.deletedAt && !params.allowDeleted) throw taskNotFound();
  checkProjectAccess(access, "write");
  if (params.expectedVersion !== undefined && params.expectedVersion !== row.version) {
    throw versionConflict(params.expectedVersion, row.version);
  }
  return row;
}

/**
 * Writes `data` on top of `current` with a version guard, so a writer that raced us between
 * our read and this write makes us fail with CONFLICT instead of overwriting its change.
 * Returns the task as written, with the tags it had (a caller that changes them reads them back).
 */
export async function writeTaskAtVersion(
  tx: Tx,
  params: { current: TaskRow; data: TaskWriteData; now: Date },
): Promise<TaskRow> {
  const written = await updateTaskAtVersion(tx, {
    id: params.current.id,
    expectedVersion: params.current.version,
    data: params.data,
    now: params.now,
  });
  if (!written) {
    const latest = await findTaskById(tx, params.current.id);
    if (!latest) throw taskNotFound();
    throw versionConflict(params.current.version, latest.version);
  }
  return { ...written, tags: params.current.tags };
}
