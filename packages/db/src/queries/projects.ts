// Projects as their members see them: the project row plus this member's role, sidebar position
// and view, and how many members it has. Writes are checked by the caller with project-access.ts
// in the same transaction that writes the outbox row.
import type { Tx } from "../client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { ProjectView } from "../generated/prisma/enums.ts";

export const projectRowSelect = {
  id: true,
  ownerId: true,
  name: true,
  color: true,
  isInbox: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  archivedAt: true,
  deletedAt: true,
} satisfies Prisma.ProjectSelect;

export type ProjectRow = Prisma.ProjectGetPayload<{ select: typeof projectRowSelect }>;

const membershipSelect = {
  role: true,
  position: true,
  view: true,
  project: { select: { ...projectRowSelect, _count: { select: { members: true } } } },
} satisfies Prisma.ProjectMemberSelect;

type MembershipRow = Prisma.ProjectMemberGetPayload<{ select: typeof membershipSelect }>;

/** One project as one member sees it. */
export interface MemberProjectRow {
  project: ProjectRow;
  role: MembershipRow["role"];
  position: number;
  view: ProjectView;
  memberCount: number;
}

function toMemberProjectRow(row: MembershipRow): MemberProjectRow {
  const { _count, ...project } = row.project;
  return { project, role: row.role, position: row.position, view: row.view, memberCount: _count.members };
}

/** The user's projects (archived included, deleted not): the Inbox first, then by their own order. */
export async function listProjectsForMember(tx: Tx, userId: string): Promise<MemberProjectRow[]> {
  const rows = await tx.projectMember.findMany({
    where: { userId, project: { deletedAt: null } },
    select: membershipSelect,
    orderBy: [{ project: { isInbox: "desc" } }, { position: "asc" }, { joinedAt: "asc" }, { projectId: "asc" }],
  });
  return rows.map(toMemberProjectRow);
}

/** One project as this member sees it (deleted ones too: undo needs them); null when not a member. */
export async function findProjectForMember(tx: Tx, params: { userId: string; projectId: string }): Promise<MemberProjectRow | null> {
  const row = await tx.projectMember.findUnique({
    where: { projectId_userId: { projectId: params.projectId, userId: params.userId } },
    select: membershipSelect,
  });
  return row ? toMemberProjectRow(row) : null;
}

export async function findProjectById(tx: Tx, id: string): Promise<ProjectRow | null> {
  return tx.project.findUnique({ where: { id }, select: projectRowSelect });
}

/** Bottom of the user's sidebar. */
export async function nextProjectPosition(tx: Tx, userId: string): Promise<number> {
  const result = await tx.projectMember.aggregate({ where: { userId }, _max: { position: true } });
  return (result._max.position ?? 0) + 1;
}

/** A new (non-Inbox) project with its creator as OWNER. */
export async function insertProject(
  tx: Tx,
  params: { id: string; ownerId: string; name: string; color?: string; position: number; now: Date },
): Promise<ProjectRow> {
  return tx.project.create({
    data: {
      id: params.id,
      ownerId: params.ownerId,
      name: params.name,
      ...(params.color ? { color: params.color } : {}),
      createdAt: params.now,
      updatedAt: params.now,
      members: { create: { userId: params.ownerId, role: "OWNER", position: params.position, joinedAt: params.now } },
    },
    select: projectRowSelect,
  });
}

/** The columns a project change may set. */
export interface ProjectWriteData {
  name?: string;
  color?: string;
  ownerId?: string;
  archivedAt?: Date | null;
  deletedAt?: Date | null;
}

/** Applies `data` and bumps the version only if the project is still at `expectedVersion`; false when it moved on. */
export async function updateProjectAtVersion(
  tx: Tx,
  params: { id: string; expectedVersion: number; data: ProjectWriteData; now: Date },
): Promise<boolean> {
  const { count } = await tx.project.updateMany({
    where: { id: params.id, version: params.expectedVersion },
    data: { ...params.data, updatedAt: params.now, version: { increment: 1 } },
  });
  return count === 1;
}

/** This member's own sidebar order and view (nobody else's changes). */
export async function updateMemberPreferences(
  tx: Tx,
  params: { projectId: string; userId: string; position?: number; view?: ProjectView },
): Promise<void> {
  await tx.projectMember.update({
    where: { projectId_userId: { projectId: params.projectId, userId: params.userId } },
    data: {
      ...(params.position !== undefined ? { position: params.position } : {}),
      ...(params.view !== undefined ? { view: params.view } : {}),
    },
  });
}
