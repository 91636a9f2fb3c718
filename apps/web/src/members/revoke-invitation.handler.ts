// member.revokeInvitation: the owner withdraws a pending invitation; invitation.closed REVOKED.
import { findInvitationById, type Db } from "@taskboard/db";
import type { TInvitationSnapshot } from "@taskboard/events";
import { requireProjectManagement } from "@/projects/project-access";
import type { TSessionUser } from "@/server/session-user";
import { closeInvitationWithEvent } from "./invitation-closing";
import { invitationNotFound } from "./member-fields";
import type { TRevokeInvitation } from "./revoke-invitation.schema";

export function revokeInvitation({ db, user, input }: { db: Db; user: TSessionUser; input: TRevokeInvitation }): Promise<TInvitationSnapshot> {
  return db.$transaction(async (tx) => {
    const row = await findInvitationById(tx, input.invitationId);
    if (!row) throw invitationNotFound();
    await requireProjectManagement(tx, { userId: user.id, projectId: row.projectId, action: "shared", notFound: invitationNotFound });
    return closeInvitationWithEvent(tx, { row, status: "REVOKED", actorId: user.id, now: new Date() });
  });
}
