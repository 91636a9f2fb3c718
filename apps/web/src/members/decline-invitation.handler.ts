// member.declineInvitation: the invitee says no; invitation.closed DECLINED.
import type { Db } from "@taskboard/db";
import type { TInvitationSnapshot } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import type { TDeclineInvitation } from "./decline-invitation.schema";
import { closeInvitationWithEvent, loadInvitationForInvitee } from "./invitation-closing";

export function declineInvitation({ db, user, input }: { db: Db; user: TSessionUser; input: TDeclineInvitation }): Promise<TInvitationSnapshot> {
  return db.$transaction(async (tx) => {
    const row = await loadInvitationForInvitee(tx, { user, invitationId: input.invitationId });
    return closeInvitationWithEvent(tx, { row, status: "DECLINED", actorId: user.id, now: new Date() });
  });
}
