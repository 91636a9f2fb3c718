// member.list: who is in the project (any member may see); pending invitations for the owner only.
import { listMembers as listMemberRows, listPendingInvitations, type Db } from "@taskboard/db";
import { requireProjectAccess } from "@/projects/project-access";
import { toInvitationSnapshot, toMemberSnapshot } from "@/projects/project-snapshots";
import type { TSessionUser } from "@/server/session-user";
import type { TListMembers, TMemberList } from "./list-members.schema";

export function listMembers({ db, user, input }: { db: Db; user: TSessionUser; input: TListMembers }): Promise<TMemberList> {
  return db.$transaction(async (tx) => {
    const access = await requireProjectAccess(tx, { userId: user.id, projectId: input.projectId, need: "read" });
    const members = await listMemberRows(tx, input.projectId);
    const invitations = access.role === "OWNER" ? await listPendingInvitations(tx, input.projectId) : [];
    return { members: members.map(toMemberSnapshot), invitations: invitations.map(toInvitationSnapshot) };
  });
}
