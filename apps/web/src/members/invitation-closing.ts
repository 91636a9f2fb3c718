// Closing a pending invitation (accepted, declined, revoked) with its invitation.closed. Loading it
// for the invitee answers NOT_FOUND for an invitation to someone else, exactly as for an unknown
// id; an invitation that was answered already is a CONFLICT that says how.
import { closeInvitation, findInvitationById, type InvitationRow, type Tx } from "@taskboard/db";
import { invitationClosed, type TInvitationSnapshot } from "@taskboard/events";
import { recordProjectEvent } from "@/projects/project-outbox";
import { toInvitationSnapshot } from "@/projects/project-snapshots";
import { AppError } from "@/server/app-error";
import type { TSessionUser } from "@/server/session-user";
import { invitationNotFound } from "./member-fields";

function alreadyAnswered(row: InvitationRow): AppError {
  return new AppError("CONFLICT", `This invitation was already ${row.status.toLowerCase()}.`);
}

/** A pending invitation to the signed-in user's address, in a project that is not deleted. */
export async function loadInvitationForInvitee(tx: Tx, params: { user: TSessionUser; invitationId: string }): Promise<InvitationRow> {
  const row = await findInvitationById(tx, params.invitationId);
  if (!row || row.email !== params.user.email.toLowerCase() || row.project.deletedAt !== null) throw invitationNotFound();
  if (row.status !== "PENDING") throw alreadyAnswered(row);
  return row;
}

/** Closes it (if nobody closed it meanwhile) and writes invitation.closed. */
export async function closeInvitationWithEvent(
  tx: Tx,
  params: { row: InvitationRow; status: "ACCEPTED" | "DECLINED" | "REVOKED"; actorId: string; now: Date },
): Promise<TInvitationSnapshot> {
  const closed = await closeInvitation(tx, { id: params.row.id, status: params.status, now: params.now });
  if (!closed) throw alreadyAnswered((await findInvitationById(tx, params.row.id)) ?? params.row);
  const invitation = toInvitationSnapshot(closed);
  await recordProjectEvent(tx, invitationClosed, { projectId: closed.projectId, actorId: params.actorId, now: params.now, subject: closed.id, data: { invitation } });
  return invitation;
}
