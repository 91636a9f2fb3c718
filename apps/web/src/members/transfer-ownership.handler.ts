// member.transferOwnership: the owner hands the project to another member, who becomes OWNER; the
// old owner stays as an EDITOR. Two member.updated and a project.updated (ownerId) in one
// transaction. The old owner's role goes first: the database allows one owner per project.
import { findMember, type Db } from "@taskboard/db";
import { memberUpdated, projectUpdated } from "@taskboard/events";
import { loadProjectForChange, writeProjectAtVersion } from "@/projects/project-changes";
import { recordProjectEvent, recordProjectEvents } from "@/projects/project-outbox";
import { toMemberSnapshot } from "@/projects/project-snapshots";
import { loadProjectView, type TProjectView } from "@/projects/project-view";
import type { TSessionUser } from "@/server/session-user";
import { loadOtherMemberForChange, setMemberRole } from "./member-changes";
import { memberNotFound } from "./member-fields";
import type { TTransferOwnership } from "./transfer-ownership.schema";

export function transferOwnership({ db, user, input }: { db: Db; user: TSessionUser; input: TTransferOwnership }): Promise<TProjectView> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const { projectId } = input;
    const project = await loadProjectForChange(tx, { userId: user.id, projectId, action: "shared" });
    const successor = await loadOtherMemberForChange(tx, {
      userId: user.id,
      projectId,
      memberId: input.userId,
      action: "shared",
      // The only OWNER is the caller: a transfer to oneself.
      ownerHint: "You already own this project: choose another member to transfer it to.",
    });
    const oldOwner = await findMember(tx, { projectId, userId: user.id });
    if (!oldOwner) throw memberNotFound();
    // The project's version first: of two transfers at once, the second waits here and gets a
    // CONFLICT, instead of breaking the one-owner index.
    const change = await writeProjectAtVersion(tx, { current: project, data: { ownerId: successor.userId }, now });
    const demoted = await setMemberRole(tx, { projectId, userId: user.id, role: "EDITOR" });
    const promoted = await setMemberRole(tx, { projectId, userId: successor.userId, role: "OWNER" });
    await recordProjectEvents(tx, memberUpdated, {
      projectId,
      actorId: user.id,
      now,
      events: [
        { subject: user.id, data: { previous: toMemberSnapshot(oldOwner), member: toMemberSnapshot(demoted) } },
        { subject: successor.userId, data: { previous: toMemberSnapshot(successor), member: toMemberSnapshot(promoted) } },
      ],
    });
    await recordProjectEvent(tx, projectUpdated, { projectId, actorId: user.id, now, subject: projectId, data: { ...change, changedFields: ["ownerId"] } });
    return loadProjectView(tx, { userId: user.id, projectId });
  });
}
