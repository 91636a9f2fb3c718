// What instance administrators read (docs/administration.md): the users with how many projects
// each is in, and the append-only record of every administrator read.
import type { Tx } from "../client.ts";
import type { Prisma } from "../generated/prisma/client.ts";

export interface InstanceUserRow {
  id: string;
  name: string;
  email: string;
  createdAt: Date;
  /** Live projects they are a member of, their personal Inbox not counted. */
  projectCount: number;
}

/** Every account, oldest first. */
export async function listInstanceUsers(tx: Tx): Promise<InstanceUserRow[]> {
  const rows = await tx.user.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      createdAt: true,
      _count: { select: { memberships: { where: { project: { deletedAt: null, isInbox: false } } } } },
    },
  });
  return rows.map(({ _count, ...user }) => ({ ...user, projectCount: _count.memberships }));
}

export interface InstanceProjectRow {
  id: string;
  name: string;
  ownerId: string;
  memberCount: number;
  archivedAt: Date | null;
  deletedAt: Date | null;
}

/** Every shareable project (Inboxes are personal and not listed), deleted ones included, by name. */
export async function listInstanceProjects(tx: Tx): Promise<InstanceProjectRow[]> {
  const rows = await tx.project.findMany({
    where: { isInbox: false },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, ownerId: true, archivedAt: true, deletedAt: true, _count: { select: { members: true } } },
  });
  return rows.map(({ _count, ...project }) => ({ ...project, memberCount: _count.members }));
}

export interface AdminReadInput {
  id: string;
  adminId: string;
  adminEmail: string;
  procedure: string;
  filters: Record<string, unknown>;
}

export async function recordAdminRead(tx: Tx, read: AdminReadInput): Promise<void> {
  await tx.adminRead.create({ data: { ...read, filters: read.filters as Prisma.InputJsonObject } });
}

export const adminReadSelect = {
  id: true,
  adminId: true,
  adminEmail: true,
  procedure: true,
  filters: true,
  readAt: true,
} satisfies Prisma.AdminReadSelect;
export type AdminReadRow = Prisma.AdminReadGetPayload<{ select: typeof adminReadSelect }>;

/** The most recent administrator reads, newest first. */
export async function listRecentAdminReads(tx: Tx, limit: number): Promise<AdminReadRow[]> {
  return tx.adminRead.findMany({ orderBy: [{ readAt: "desc" }, { id: "desc" }], take: limit, select: adminReadSelect });
}
