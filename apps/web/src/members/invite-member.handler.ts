// member.invite: the owner invites an address as editor or viewer; invitation.created. The
// invitation waits for an address with no account: that person sees it after signing up. An
// address that is already a member, or already invited, is a CONFLICT.
import { randomUUID } from "node:crypto";
import { findPendingInvitation, insertInvitation, isMemberByEmail, lockProjectInvitations, type Db } from "@taskboard/db";
import { invitationCreated, type TInvitationSnapshot } from "@taskboard/events";
import { requireProjectManagement } from "@/projects/project-access";
import { recordProjectEvent } from "@/projects/project-outbox";
import { toInvitationSnapshot } from "@/projects/project-snapshots";
import { AppError } from "@/server/app-error";
import type { TSessionUser } from "@/server/session-user";
import type { TInviteMember } from "./invite-member.schema";

export function inviteMember({ db, user, input }: { db: Db; user: TSessionUser; input: TInviteMember }): Promise<TInvitationSnapshot> {
  return db.$transaction(async (tx) => {
    const { projectId, email, role } = input;
    await requireProjectManagement(tx, { userId: user.id, projectId, action: "shared" });
    await lockProjectInvitations(tx, projectId);
    if (await isMemberByEmail(tx, { projectId, email })) {
      throw new AppError("CONFLICT", `${email} is already a member of this project.`, { email: ["Already a member"] });
    }
    if (await findPendingInvitation(tx, { projectId, email })) {
      throw new AppError("CONFLICT", `${email} has already been invited and has not answered yet.`, { email: ["Already invited"] });
    }
    const now = new Date();
    const invitation = toInvitationSnapshot(await insertInvitation(tx, { id: randomUUID(), projectId, email, role, invitedBy: user.id, now }));
    await recordProjectEvent(tx, invitationCreated, { projectId, actorId: user.id, now, subject: invitation.id, data: { invitation } });
    return invitation;
  });
}
