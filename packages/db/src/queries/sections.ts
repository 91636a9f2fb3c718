// A project's sections (its kanban columns) and what deleting one does to its tasks. The caller
// checks access with project-access.ts in the transaction that also writes the outbox rows.
import type { Tx } from "../client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { taskRowSelect, type TaskRow } from "./tasks.ts";

export const sectionRowSelect = {
  id: true,
  projectId: true,
  name: true,
  position: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
} satisfies Prisma.SectionSelect;

export type SectionRow = Prisma.SectionGetPayload<{ select: typeof sectionRowSelect }>;

/** The project's live sections, in board order. */
export async function listSections(tx: Tx, projectId: string): Promise<SectionRow[]> {
  return tx.section.findMany({
    where: { projectId, deletedAt: null },
    select: sectionRowSelect,
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
}

/** A live section by id, whichever project it is in (the caller checks access to that project). */
export async function findLiveSection(tx: Tx, id: string): Promise<SectionRow | null> {
  return tx.section.findFirst({ where: { id, deletedAt: null }, select: sectionRowSelect });
}

/** After the project's last section. */
export async function nextSectionPosition(tx: Tx, projectId: string): Promise<number> {
  const result = await tx.section.aggregate({ where: { projectId, deletedAt: null }, _max: { position: true } });
  return (result._max.position ?? 0) + 1;
}

export async function insertSection(
  tx: Tx,
  params: { id: string; projectId: string; name: string; position: number; now: Date },
): Promise<SectionRow> {
  return tx.section.create({
    data: { id: params.id, projectId: params.projectId, name: params.name, position: params.position, createdAt: params.now, updatedAt: params.now },
    select: sectionRowSelect,
  });
}

/** Applies `data` and bumps the version only if the live section is still at `expectedVersion`. */
export async function updateSectionAtVersion(
  tx: Tx,
  params: { id: string; expectedVersion: number; data: { name?: string; position?: number; deletedAt?: Date }; now: Date },
): Promise<boolean> {
  const { count } = await tx.section.updateMany({
    where: { id: params.id, version: params.expectedVersion, deletedAt: null },
    data: { ...params.data, updatedAt: params.now, version: { increment: 1 } },
  });
  return count === 1;
}

export async function findSectionById(tx: Tx, id: string): Promise<SectionRow | null> {
  return tx.section.findUnique({ where: { id }, select: sectionRowSelect });
}

/**
 * The section's live tasks (deleted ones stay where they are), locked until the transaction ends
 * so the snapshots the caller's events carry as "previous" are the ones it overwrites.
 */
export async function listLiveSectionTasks(tx: Tx, sectionId: string): Promise<TaskRow[]> {
  await tx.$executeRaw`SELECT 1 FROM tasks WHERE section_id = ${sectionId}::uuid AND deleted_at IS NULL FOR UPDATE`;
  return tx.task.findMany({ where: { sectionId, deletedAt: null }, select: taskRowSelect, orderBy: { id: "asc" } });
}
