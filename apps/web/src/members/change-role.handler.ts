// member.changeRole: the owner makes a member an editor or a viewer; member.updated. The same role
// again changes nothing and writes no event.
import type { Db } from "@taskboard/db";
import { memberUpdated, type TMemberSnapshot } from "@taskboard/events";
import { recordProjectEvent } from "@/projects/project-outbox";
import { toMemberSnapshot } from "@/projects/project-snapshots";
import type { TSessionUser } from "@/server/session-user";
import type { TChangeRole } from "./change-role.schema";
import { loadOtherMemberForChange, setMemberRole } from "./member-changes";

export function changeRole({ db, user, input }: { db: Db; user: TSessionUser; input: TChangeRole }): Promise<TMemberSnapshot> {
  return db.$transaction(async (tx) => {
    const current = await loadOtherMemberForChange(tx, {
      userId: user.id,
      projectId: input.projectId,
      memberId: input.userId,
      action: "shared",
      ownerHint: "The owner's role changes only by transferring ownership to another member.",
    });
    const previous = toMemberSnapshot(current);
    if (current.role === input.role) return previous;
    const member = toMemberSnapshot(await setMemberRole(tx, { projectId: input.projectId, userId: input.userId, role: input.role }));
    await recordProjectEvent(tx, memberUpdated, { projectId: input.projectId, actorId: user.id, now: new Date(), subject: input.userId, data: { previous, member } });
    return member;
  });
}
