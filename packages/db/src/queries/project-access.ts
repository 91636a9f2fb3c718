// Who may see and change a project: the one membership query every procedure, consumer and socket
// fan-out asks (docs/projects.md, "Permissions"). A deleted project is reachable only to undo its
// deletion; an archived one stays readable and writable (archiving only hides it from the sidebar).
import type { Tx } from "../client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { ProjectRole } from "../generated/prisma/enums.ts";

export interface ProjectAccess {
  projectId: string;
  role: ProjectRole;
  isInbox: boolean;
  ownerId: string;
  archived: boolean;
  deleted: boolean;
}

interface AccessRow {
  project_id: string;
  role: ProjectRole;
  is_inbox: boolean;
  owner_id: string;
  archived: boolean;
  deleted: boolean;
}

function toAccess(row: AccessRow): ProjectAccess {
  return { projectId: row.project_id, role: row.role, isInbox: row.is_inbox, ownerId: row.owner_id, archived: row.archived, deleted: row.deleted };
}

// One statement (a join) rather than Prisma's relation select, which reads the membership and then
// the project in two round trips; every write asks this once.
const ACCESS_COLUMNS = Prisma.sql`
  SELECT m.project_id::text AS project_id, m.role::text AS role, p.is_inbox, p.owner_id,
         p.archived_at IS NOT NULL AS archived, p.deleted_at IS NOT NULL AS deleted
  FROM project_members m JOIN projects p ON p.id = m.project_id`;

/** The user's access to the project, or null when they are not a member (or it does not exist). */
export async function findProjectAccess(tx: Tx, params: { userId: string; projectId: string }): Promise<ProjectAccess | null> {
  // Compared as text, not cast to uuid: a string that is no id at all is simply no project (a
  // failed cast would abort the caller's transaction). The user's few memberships come from the
  // user_id index either way.
  const [row] = await tx.$queryRaw<AccessRow[]>`${ACCESS_COLUMNS} WHERE m.user_id = ${params.userId} AND m.project_id::text = lower(${params.projectId})`;
  return row ? toAccess(row) : null;
}

/**
 * The user's access to their own Inbox in one query (a create without a project, the most
 * common write, needs both the Inbox's id and the right to write there).
 */
export async function findInboxAccess(tx: Tx, userId: string): Promise<ProjectAccess> {
  const [row] = await tx.$queryRaw<AccessRow[]>`${ACCESS_COLUMNS} WHERE m.user_id = ${userId} AND p.owner_id = ${userId} AND p.is_inbox`;
  if (!row) throw new Error(`user ${userId} has no Inbox (migration 006 creates one for every account)`);
  return toAccess(row);
}

/** The user's access to the project a task is in, with that task's project id (null: no access or no task). */
export async function findTaskProjectAccess(tx: Tx, params: { userId: string; taskId: string }): Promise<ProjectAccess | null> {
  const task = await tx.task.findUnique({ where: { id: params.taskId }, select: { projectId: true } });
  if (!task) return null;
  return findProjectAccess(tx, { userId: params.userId, projectId: task.projectId });
}

/** Everyone who sees the project's changes now: the fan-out list of the sync consumer. */
export async function listProjectMemberIds(tx: Tx, projectId: string): Promise<string[]> {
  const rows = await tx.projectMember.findMany({ where: { projectId }, select: { userId: true } });
  return rows.map((row) => row.userId);
}

/** Members of each of these projects, keyed by project id (one query for a batch of events). */
export async function listMemberIdsByProject(tx: Tx, projectIds: readonly string[]): Promise<Map<string, string[]>> {
  const byProject = new Map<string, string[]>(projectIds.map((id) => [id, []]));
  if (projectIds.length === 0) return byProject;
  const rows = await tx.projectMember.findMany({ where: { projectId: { in: [...new Set(projectIds)] } }, select: { projectId: true, userId: true } });
  for (const row of rows) byProject.get(row.projectId)?.push(row.userId);
  return byProject;
}

/** The ids of the projects the user is a member of (deleted ones excluded). */
export async function listMemberProjectIds(tx: Tx, userId: string): Promise<string[]> {
  const rows = await tx.projectMember.findMany({
    where: { userId, project: { deletedAt: null } },
    select: { projectId: true },
  });
  return rows.map((row) => row.projectId);
}

/** The user's Inbox: where a task created without a project goes. */
export async function findInboxId(tx: Tx, userId: string): Promise<string> {
  const inbox = await tx.project.findFirst({ where: { ownerId: userId, isInbox: true }, select: { id: true } });
  if (!inbox) throw new Error(`user ${userId} has no Inbox (migration 006 creates one for every account)`);
  return inbox.id;
}

/** A live (not deleted) section of this project, or null. */
export async function findSectionInProject(tx: Tx, params: { projectId: string; sectionId: string }): Promise<{ id: string } | null> {
  return tx.section.findFirst({ where: { id: params.sectionId, projectId: params.projectId, deletedAt: null }, select: { id: true } });
}
