// member.acceptInvitation: the invitee joins with the invited role, at the bottom of their
// sidebar; invitation.closed ACCEPTED and member.added in the same transaction.
import { findMember, insertMember, nextProjectPosition, type Db } from "@taskboard/db";
import { memberAdded } from "@taskboard/events";
import { recordProjectEvent } from "@/projects/project-outbox";
import { toMemberSnapshot } from "@/projects/project-snapshots";
import { loadProjectView, type TProjectView } from "@/projects/project-view";
import { AppError } from "@/server/app-error";
import type { TSessionUser } from "@/server/session-user";
import type { TAcceptInvitation } from "./accept-invitation.schema";
import { closeInvitationWithEvent, loadInvitationForInvitee } from "./invitation-closing";

export function acceptInvitation({ db, user, input }: { db: Db; user: TSessionUser; input: TAcceptInvitation }): Promise<TProjectView> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const row = await loadInvitationForInvitee(tx, { user, invitationId: input.invitationId });
    if (await findMember(tx, { projectId: row.projectId, userId: user.id })) {
      throw new AppError("CONFLICT", "You are already a member of this project.");
    }
    await closeInvitationWithEvent(tx, { row, status: "ACCEPTED", actorId: user.id, now });
    const position = await nextProjectPosition(tx, user.id);
    const member = toMemberSnapshot(await insertMember(tx, { projectId: row.projectId, userId: user.id, role: row.role, position, now }));
    await recordProjectEvent(tx, memberAdded, { projectId: row.projectId, actorId: user.id, now, subject: user.id, data: { member } });
    return loadProjectView(tx, { userId: user.id, projectId: row.projectId });
  });
}
