// Loading another member of a project for the owner's change, and what a member's departure does:
// their assigned tasks in the project are unassigned (task.updated each, so every member's board
// follows), then the membership goes (member.removed), all in the caller's transaction.
import { deleteMember, findMember, listAssignedTasksInProject, updateMemberRole, type MemberRow, type ProjectRole, type Tx } from "@taskboard/db";
import { memberRemoved, type TMemberSnapshot } from "@taskboard/events";
import { requireProjectManagement } from "@/projects/project-access";
import { recordProjectEvent } from "@/projects/project-outbox";
import { updateTasksWithEvents } from "@/projects/project-task-changes";
import { toMemberSnapshot } from "@/projects/project-snapshots";
import { AppError } from "@/server/app-error";
import { memberNotFound } from "./member-fields";

/** Another member of a project the user owns; the owner themself is a BAD_REQUEST saying what to do instead. */
export async function loadOtherMemberForChange(
  tx: Tx,
  params: { userId: string; projectId: string; memberId: string; action: string; ownerHint: string },
): Promise<MemberRow> {
  await requireProjectManagement(tx, { userId: params.userId, projectId: params.projectId, action: params.action });
  const member = await findMember(tx, { projectId: params.projectId, userId: params.memberId });
  if (!member) throw memberNotFound();
  if (member.role === "OWNER") throw new AppError("BAD_REQUEST", params.ownerHint);
  return member;
}

/** Gives the member a new role; NOT_FOUND when they left or were removed meanwhile. */
export async function setMemberRole(tx: Tx, params: { projectId: string; userId: string; role: ProjectRole }): Promise<MemberRow> {
  const member = await updateMemberRole(tx, params);
  if (!member) throw memberNotFound();
  return member;
}

export async function removeMembership(
  tx: Tx,
  params: { member: MemberRow; reason: "removed" | "left"; actorId: string; now: Date },
): Promise<TMemberSnapshot> {
  const { member, actorId, now } = params;
  const assigned = await listAssignedTasksInProject(tx, { projectId: member.projectId, userId: member.userId });
  await updateTasksWithEvents(tx, { tasks: assigned, data: { assigneeId: null }, actorId, now });
  if (!(await deleteMember(tx, { projectId: member.projectId, userId: member.userId }))) throw memberNotFound();
  const snapshot = toMemberSnapshot(member);
  await recordProjectEvent(tx, memberRemoved, { projectId: member.projectId, actorId, now, subject: member.userId, data: { member: snapshot, reason: params.reason } });
  return snapshot;
}
