// A project's members: who they are (name, email) and their role. The caller checks access with
// project-access.ts in the transaction that also writes the outbox rows.
import type { Tx } from "../client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { ProjectRole } from "../generated/prisma/enums.ts";
import { taskRowSelect, type TaskRow } from "./tasks.ts";

export const memberRowSelect = {
  projectId: true,
  userId: true,
  role: true,
  joinedAt: true,
  user: { select: { name: true, email: true } },
} satisfies Prisma.ProjectMemberSelect;

export type MemberRow = Prisma.ProjectMemberGetPayload<{ select: typeof memberRowSelect }>;

const ROLE_ORDER: Record<ProjectRole, number> = { OWNER: 0, EDITOR: 1, VIEWER: 2 };

/** The owner first, then editors, then viewers, each by when they joined. */
export async function listMembers(tx: Tx, projectId: string): Promise<MemberRow[]> {
  const rows = await tx.projectMember.findMany({
    where: { projectId },
    select: memberRowSelect,
    orderBy: [{ joinedAt: "asc" }, { userId: "asc" }],
  });
  return rows.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
}

export async function findMember(tx: Tx, params: { projectId: string; userId: string }): Promise<MemberRow | null> {
  return tx.projectMember.findUnique({
    where: { projectId_userId: { projectId: params.projectId, userId: params.userId } },
    select: memberRowSelect,
  });
}

/** Whether someone with this (lower-cased) email is already a member. */
export async function isMemberByEmail(tx: Tx, params: { projectId: string; email: string }): Promise<boolean> {
  const row = await tx.projectMember.findFirst({
    where: { projectId: params.projectId, user: { email: { equals: params.email, mode: "insensitive" } } },
    select: { userId: true },
  });
  return row !== null;
}

export async function insertMember(
  tx: Tx,
  params: { projectId: string; userId: string; role: ProjectRole; position: number; now: Date },
): Promise<MemberRow> {
  return tx.projectMember.create({
    data: { projectId: params.projectId, userId: params.userId, role: params.role, position: params.position, joinedAt: params.now },
    select: memberRowSelect,
  });
}

/** The member with the new role; null when they are no longer a member (removed or left meanwhile). */
export async function updateMemberRole(tx: Tx, params: { projectId: string; userId: string; role: ProjectRole }): Promise<MemberRow | null> {
  const { count } = await tx.projectMember.updateMany({ where: { projectId: params.projectId, userId: params.userId }, data: { role: params.role } });
  return count === 1 ? findMember(tx, params) : null;
}

/** False when they were no longer a member. */
export async function deleteMember(tx: Tx, params: { projectId: string; userId: string }): Promise<boolean> {
  const { count } = await tx.projectMember.deleteMany({ where: { projectId: params.projectId, userId: params.userId } });
  return count === 1;
}

/** The live tasks of the project assigned to this person, locked until the transaction ends (see listLiveSectionTasks). */
export async function listAssignedTasksInProject(tx: Tx, params: { projectId: string; userId: string }): Promise<TaskRow[]> {
  await tx.$executeRaw`SELECT 1 FROM tasks WHERE project_id = ${params.projectId}::uuid AND assignee_id = ${params.userId} AND deleted_at IS NULL FOR UPDATE`;
  return tx.task.findMany({
    where: { projectId: params.projectId, assigneeId: params.userId, deletedAt: null },
    select: taskRowSelect,
    orderBy: { id: "asc" },
  });
}
