// member.remove: the owner removes a member; their assigned tasks in the project are unassigned
// (task.updated each) and member.removed (reason "removed") is written.
import type { Db } from "@taskboard/db";
import type { TMemberSnapshot } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import { loadOtherMemberForChange, removeMembership } from "./member-changes";
import type { TRemoveMember } from "./remove-member.schema";

export function removeMember({ db, user, input }: { db: Db; user: TSessionUser; input: TRemoveMember }): Promise<TMemberSnapshot> {
  return db.$transaction(async (tx) => {
    const member = await loadOtherMemberForChange(tx, {
      userId: user.id,
      projectId: input.projectId,
      memberId: input.userId,
      action: "shared",
      ownerHint: "The owner cannot be removed: transfer ownership to another member first, then leave.",
    });
    return removeMembership(tx, { member, reason: "removed", actorId: user.id, now: new Date() });
  });
}
