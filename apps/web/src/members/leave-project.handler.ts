// member.leave: a member (not the owner, who transfers ownership first) leaves the project; their
// assigned tasks there are unassigned and member.removed (reason "left") is written.
import { findMember, type Db } from "@taskboard/db";
import type { TMemberSnapshot } from "@taskboard/events";
import { requireMayLeave } from "@/projects/project-access";
import type { TSessionUser } from "@/server/session-user";
import type { TLeaveProject } from "./leave-project.schema";
import { removeMembership } from "./member-changes";
import { memberNotFound } from "./member-fields";

export function leaveProject({ db, user, input }: { db: Db; user: TSessionUser; input: TLeaveProject }): Promise<TMemberSnapshot> {
  return db.$transaction(async (tx) => {
    await requireMayLeave(tx, { userId: user.id, projectId: input.projectId });
    const member = await findMember(tx, { projectId: input.projectId, userId: user.id });
    if (!member) throw memberNotFound();
    return removeMembership(tx, { member, reason: "left", actorId: user.id, now: new Date() });
  });
}
