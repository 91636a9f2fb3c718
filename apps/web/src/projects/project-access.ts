// The one place a procedure decides what a person may do in a project (docs/projects.md,
// "Permissions"). Not a member, or no such project: NOT_FOUND, so nobody learns a project exists.
// A member whose role does not allow the change: FORBIDDEN, with a message that says why.
import { findProjectAccess, findTaskProjectAccess, type ProjectAccess, type Tx } from "@taskboard/db";
import { AppError } from "@/server/app-error";

/** read: any member; write: tasks and sections (owner, editor); manage: the project itself and its members (owner). */
export type TProjectNeed = "read" | "write" | "manage";

export const projectNotFound = () => new AppError("NOT_FOUND", "Project not found");

const ROLE_ALLOWS: Record<ProjectAccess["role"], readonly TProjectNeed[]> = {
  OWNER: ["read", "write", "manage"],
  EDITOR: ["read", "write"],
  VIEWER: ["read"],
};

export interface TAccessOptions {
  allowDeleted?: boolean;
  /**
   * The NOT_FOUND to answer when reached through something inside the project (a section, an
   * invitation): the same answer as for an id that does not exist, so nothing leaks.
   */
  notFound?: () => AppError;
}

/** Throws unless the user may do `need` in the project; returns their access when they may. */
export function checkProjectAccess(access: ProjectAccess | null, need: TProjectNeed, options: TAccessOptions = {}): ProjectAccess {
  if (!access || (access.deleted && !options.allowDeleted)) throw (options.notFound ?? projectNotFound)();
  if (!ROLE_ALLOWS[access.role].includes(need)) {
    throw new AppError(
      "FORBIDDEN",
      need === "manage"
        ? "Only the project's owner can do this."
        : "You can view this project but not change it (your role is viewer). Ask its owner for editor access.",
    );
  }
  return access;
}

export async function requireProjectAccess(
  tx: Tx,
  params: { userId: string; projectId: string; need: TProjectNeed } & TAccessOptions,
): Promise<ProjectAccess> {
  const access = await findProjectAccess(tx, params);
  return checkProjectAccess(access, params.need, params);
}

/**
 * The Inbox is personal (docs/projects.md): nobody may share, rename, archive or delete it.
 * `action` completes the sentence "it cannot be ...".
 */
export function refuseInbox(access: ProjectAccess, action: string): ProjectAccess {
  if (access.isInbox) throw new AppError("BAD_REQUEST", `The Inbox is personal: it cannot be ${action}.`);
  return access;
}

/** The owner's changes to a shared project (not the Inbox): rename, archive, delete, invite, members. */
export async function requireProjectManagement(
  tx: Tx,
  params: { userId: string; projectId: string; action: string } & TAccessOptions,
): Promise<ProjectAccess> {
  return refuseInbox(await requireProjectAccess(tx, { ...params, need: "manage" }), params.action);
}

/** Any member but the owner may leave; the owner transfers ownership first. */
export async function requireMayLeave(tx: Tx, params: { userId: string; projectId: string }): Promise<ProjectAccess> {
  const access = await requireProjectAccess(tx, { ...params, need: "read" });
  if (access.role === "OWNER") {
    throw new AppError(
      "BAD_REQUEST",
      access.isInbox ? "The Inbox is personal: you cannot leave it." : "The owner cannot leave the project: transfer ownership to another member first.",
    );
  }
  return access;
}

/** Access through a task: NOT_FOUND (as "Task not found") when the task is not in one of the user's projects. */
export async function requireTaskAccess(
  tx: Tx,
  params: { userId: string; taskId: string; need: TProjectNeed },
): Promise<ProjectAccess> {
  const access = await findTaskProjectAccess(tx, params);
  if (!access || access.deleted) throw new AppError("NOT_FOUND", "Task not found");
  return checkProjectAccess(access, params.need);
}
