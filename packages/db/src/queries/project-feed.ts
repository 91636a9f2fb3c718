// What the workers' consumers read to tell members about a project: the project as it is now,
// who is in it with which role, and whether an invited address has an account. Dates come back
// as ISO strings, the shape project events carry (the workers append them to change feeds).
import type { Tx } from "../client.ts";
import type { ProjectRole } from "../generated/prisma/enums.ts";
import { projectRowToSnapshot, type ProjectSnapshotRecord } from "./project-snapshots.ts";
import { findProjectById } from "./projects.ts";

/** The project's current state (deleted ones too), or null when it no longer exists. */
export async function findProjectSnapshot(tx: Tx, projectId: string): Promise<ProjectSnapshotRecord | null> {
  const row = await findProjectById(tx, projectId);
  return row ? projectRowToSnapshot(row) : null;
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

