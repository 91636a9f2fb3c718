// The one mapping from project, section, member and invitation rows to the snapshots project
// events carry and the API returns (structurally packages/events' Z*SnapshotSchema; this package
// does not import the events package).
import type { InvitationRow } from "./invitations.ts";
import type { MemberRow } from "./members.ts";
import type { ProjectRow } from "./projects.ts";
import type { SectionRow } from "./sections.ts";

export interface ProjectSnapshotRecord {
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

export function projectRowToSnapshot(row: ProjectRow): ProjectSnapshotRecord {
  return {
    id: row.id,
    ownerId: row.ownerId,
    name: row.name,
    color: row.color,
    isInbox: row.isInbox,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

export interface SectionSnapshotRecord {
  id: string;
  projectId: string;
  name: string;
  position: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export function sectionRowToSnapshot(row: SectionRow): SectionSnapshotRecord {
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    position: row.position,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

export interface MemberSnapshotRecord {
  projectId: string;
  userId: string;
  name: string;
  email: string;
  role: MemberRow["role"];
  joinedAt: string;
}

export function memberRowToSnapshot(row: MemberRow): MemberSnapshotRecord {
  return {
    projectId: row.projectId,
    userId: row.userId,
    name: row.user.name,
    email: row.user.email,
    role: row.role,
    joinedAt: row.joinedAt.toISOString(),
  };
}

export interface InvitationSnapshotRecord {
  id: string;
  projectId: string;
  projectName: string;
  email: string;
  role: "EDITOR" | "VIEWER";
  invitedBy: string;
  status: InvitationRow["status"];
  createdAt: string;
  respondedAt: string | null;
}

export function invitationRowToSnapshot(row: InvitationRow): InvitationSnapshotRecord {
  // The database refuses an OWNER invitation (CHECK role <> 'OWNER').
  if (row.role === "OWNER") throw new Error(`invitation ${row.id} has role OWNER, which migration 006 forbids`);
  return {
    id: row.id,
    projectId: row.projectId,
    projectName: row.project.name,
    email: row.email,
    role: row.role,
    invitedBy: row.invitedBy,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    respondedAt: row.respondedAt?.toISOString() ?? null,
  };
}
