// Invitations by email (lower-cased by the caller). An invitation to an address with no account
// waits: the person sees it after signing up, matched by their email.
import type { Tx } from "../client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { InvitationStatus, ProjectRole } from "../generated/prisma/enums.ts";

export const invitationRowSelect = {
  id: true,
  projectId: true,
  email: true,
  role: true,
  invitedBy: true,
  status: true,
  createdAt: true,
  respondedAt: true,
  project: { select: { name: true, deletedAt: true } },
} satisfies Prisma.ProjectInvitationSelect;

export type InvitationRow = Prisma.ProjectInvitationGetPayload<{ select: typeof invitationRowSelect }>;

/**
 * Serialises invitations to one project until the transaction ends, so two owners' tabs inviting
 * the same address at once get a CONFLICT, not the unique index's error.
 */
export async function lockProjectInvitations(tx: Tx, projectId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`invitations:${projectId}`}, 0))`;
}

export async function insertInvitation(
  tx: Tx,
  params: { id: string; projectId: string; email: string; role: ProjectRole; invitedBy: string; now: Date },
): Promise<InvitationRow> {
  return tx.projectInvitation.create({
    data: { id: params.id, projectId: params.projectId, email: params.email, role: params.role, invitedBy: params.invitedBy, createdAt: params.now },
    select: invitationRowSelect,
  });
}

export async function findInvitationById(tx: Tx, id: string): Promise<InvitationRow | null> {
  return tx.projectInvitation.findUnique({ where: { id }, select: invitationRowSelect });
}

export async function findPendingInvitation(tx: Tx, params: { projectId: string; email: string }): Promise<InvitationRow | null> {
  return tx.projectInvitation.findFirst({ where: { projectId: params.projectId, email: params.email, status: "PENDING" }, select: invitationRowSelect });
}

/** The project's open invitations, oldest first. */
export async function listPendingInvitations(tx: Tx, projectId: string): Promise<InvitationRow[]> {
  return tx.projectInvitation.findMany({
    where: { projectId, status: "PENDING" },
    select: invitationRowSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** Open invitations to this (lower-cased) address, in projects that are not deleted, newest first. */
export async function listPendingInvitationsForEmail(tx: Tx, email: string): Promise<InvitationRow[]> {
  return tx.projectInvitation.findMany({
    where: { email, status: "PENDING", project: { deletedAt: null } },
    select: invitationRowSelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
}

/** Closes the invitation if it is still pending; null when someone closed it first. */
export async function closeInvitation(
  tx: Tx,
  params: { id: string; status: Exclude<InvitationStatus, "PENDING">; now: Date },
): Promise<InvitationRow | null> {
  const { count } = await tx.projectInvitation.updateMany({
    where: { id: params.id, status: "PENDING" },
    data: { status: params.status, respondedAt: params.now },
  });
  return count === 1 ? findInvitationById(tx, params.id) : null;
}
