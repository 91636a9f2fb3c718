// Loading a project for a change and the optimistic-concurrency rule: a caller that says which
// version it saw gets a CONFLICT when the project has moved on; a writer that raced us between our
// read and our write makes us fail with CONFLICT instead of overwriting its change.
import { findProjectById, updateProjectAtVersion, type ProjectRow, type ProjectWriteData, type Tx } from "@taskboard/db";
import type { TProjectSnapshot } from "@taskboard/events";
import { AppError } from "@/server/app-error";
import { projectNotFound, requireProjectManagement } from "./project-access";
import { toProjectSnapshot } from "./project-snapshots";

export function projectVersionConflict(expected: number, actual: number): AppError {
  return new AppError(
    "CONFLICT",
    `This project was changed elsewhere (you have version ${expected}, it is now at ${actual}). Reload to see the latest.`,
  );
}

/** The project, if the user is its owner and it is not the Inbox (see requireProjectManagement). */
export async function loadProjectForChange(
  tx: Tx,
  params: { userId: string; projectId: string; action: string; expectedVersion?: number; allowDeleted?: boolean },
): Promise<ProjectRow> {
  await requireProjectManagement(tx, params);
  const row = await findProjectById(tx, params.projectId);
  if (!row) throw projectNotFound();
  if (params.expectedVersion !== undefined && params.expectedVersion !== row.version) {
    throw projectVersionConflict(params.expectedVersion, row.version);
  }
  return row;
}

/** Writes `data` on top of `current` at its version; returns the snapshots before and after. */
export async function writeProjectAtVersion(
  tx: Tx,
  params: { current: ProjectRow; data: ProjectWriteData; now: Date },
): Promise<{ previous: TProjectSnapshot; project: TProjectSnapshot }> {
  const { current } = params;
  const written = await updateProjectAtVersion(tx, { id: current.id, expectedVersion: current.version, data: params.data, now: params.now });
  const latest = await findProjectById(tx, current.id);
  if (!latest) throw projectNotFound();
  if (!written) throw projectVersionConflict(current.version, latest.version);
  return { previous: toProjectSnapshot(current), project: toProjectSnapshot(latest) };
}
