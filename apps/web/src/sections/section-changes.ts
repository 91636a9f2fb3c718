// Loading a section for a change (an owner or editor of its project; NOT_FOUND as "Section not
// found" for anyone else, exactly as for an unknown id) and writing it at its version, so a
// concurrent change makes us fail with CONFLICT instead of overwriting it.
import { findLiveSection, findSectionById, updateSectionAtVersion, type SectionRow, type Tx } from "@taskboard/db";
import type { TSectionSnapshot } from "@taskboard/events";
import { requireProjectAccess } from "@/projects/project-access";
import { toSectionSnapshot } from "@/projects/project-snapshots";
import { AppError } from "@/server/app-error";
import { sectionNotFound } from "./section-fields";

function sectionVersionConflict(expected: number, actual: number): AppError {
  return new AppError("CONFLICT", `This section was changed elsewhere (you have version ${expected}, it is now at ${actual}). Reload to see the latest.`);
}

export async function loadSectionForChange(tx: Tx, params: { userId: string; id: string; expectedVersion?: number }): Promise<SectionRow> {
  const row = await findLiveSection(tx, params.id);
  if (!row) throw sectionNotFound();
  await requireProjectAccess(tx, { userId: params.userId, projectId: row.projectId, need: "write", notFound: sectionNotFound });
  if (params.expectedVersion !== undefined && params.expectedVersion !== row.version) throw sectionVersionConflict(params.expectedVersion, row.version);
  return row;
}

export async function writeSectionAtVersion(
  tx: Tx,
  params: { current: SectionRow; data: { name?: string; position?: number; deletedAt?: Date }; now: Date },
): Promise<{ previous: TSectionSnapshot; section: TSectionSnapshot }> {
  const { current } = params;
  const written = await updateSectionAtVersion(tx, { id: current.id, expectedVersion: current.version, data: params.data, now: params.now });
  const latest = await findSectionById(tx, current.id);
  if (!latest || (latest.deletedAt && !params.data.deletedAt)) throw sectionNotFound();
  if (!written) throw sectionVersionConflict(current.version, latest.version);
  return { previous: toSectionSnapshot(current), section: toSectionSnapshot(latest) };
}
