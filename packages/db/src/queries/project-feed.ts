// What the workers' consumers read to tell members about a project: the project as it is now,
// who is in it with which role, and whether an invited address has an account. Dates come back
// as ISO strings, the shape project events carry (the workers append them to change feeds).
import type { Tx } from "../client.ts";
import type { ProjectRole } from "../generated/prisma/enums.ts";

export interface ProjectFeedSnapshot {
  id: string;
  ownerId: string;
  name: string;
  color: string;
  isInbox: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  deletedAt: string | null;
}

/** The project's current state (deleted ones too), or null when it no longer exists. */
export async function findProjectSnapshot(tx: Tx, projectId: string): Promise<ProjectFeedSnapshot | null> {
  const row = await tx.project.findUnique({
    where: { id: projectId },
    select: { id: true, ownerId: true, name: true, color: true, isInbox: true, version: true, createdAt: true, updatedAt: true, archivedAt: true, deletedAt: true },
  });
  if (!row) return null;
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

/** Every current member of the project with their role, in a stable order. */
export async function listProjectMemberRoles(tx: Tx, projectId: string): Promise<{ userId: string; role: ProjectRole }[]> {
  return tx.projectMember.findMany({ where: { projectId }, select: { userId: true, role: true }, orderBy: { userId: "asc" } });
}

/** The account registered with this address (compared case-insensitively), or null. */
export async function findUserIdByEmail(tx: Tx, email: string): Promise<string | null> {
  const row = await tx.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, select: { id: true } });
  return row?.id ?? null;
}

/** The projects these tasks are in now (tasks that no longer exist are left out). */
export async function findTaskProjectIds(tx: Tx, taskIds: readonly string[]): Promise<Map<string, string>> {
  if (taskIds.length === 0) return new Map();
  const rows = await tx.task.findMany({ where: { id: { in: [...new Set(taskIds)] } }, select: { id: true, projectId: true } });
  return new Map(rows.map((row) => [row.id, row.projectId]));
}

/** Names by user id (for a notification's "X assigned you"); unknown ids are left out. */
export async function findUserNames(tx: Tx, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx.user.findMany({ where: { id: { in: [...new Set(userIds)] } }, select: { id: true, name: true } });
  return new Map(rows.map((row) => [row.id, row.name]));
}
