// Shared projects for integration tests, inserted directly (the project procedures are not what
// these tests are about): a project, its owner and members with their roles, and its sections.
import { randomUUID } from "node:crypto";
import type { Db } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";

export type TTestRole = "EDITOR" | "VIEWER";

export interface TSharedProject {
  projectId: string;
  /** Section ids in the order of the names given. */
  sectionIds: string[];
}

export async function createSharedProject(
  db: Db,
  owner: TSessionUser,
  members: readonly { user: TSessionUser; role: TTestRole }[],
  options: { name?: string; sections?: readonly string[] } = {},
): Promise<TSharedProject> {
  const projectId = randomUUID();
  await db.project.create({ data: { id: projectId, ownerId: owner.id, name: options.name ?? "Shared" } });
  await db.projectMember.createMany({
    data: [{ userId: owner.id, role: "OWNER" as const }, ...members.map(({ user, role }) => ({ userId: user.id, role }))].map((member, index) => ({
      ...member,
      projectId,
      position: index + 1,
    })),
  });
  const sectionIds: string[] = [];
  for (const [index, name] of (options.sections ?? []).entries()) {
    const id = randomUUID();
    await db.section.create({ data: { id, projectId, name, position: index + 1 } });
    sectionIds.push(id);
  }
  return { projectId, sectionIds };
}

/** Takes the user out of the project, as removing or leaving does. */
export async function removeMember(db: Db, params: { projectId: string; user: TSessionUser }): Promise<void> {
  await db.projectMember.delete({ where: { projectId_userId: { projectId: params.projectId, userId: params.user.id } } });
}

/** The user's Inbox (created with the account by a trigger). */
export async function inboxIdOf(db: Db, user: TSessionUser): Promise<string> {
  const inbox = await db.project.findFirstOrThrow({ where: { ownerId: user.id, isInbox: true }, select: { id: true } });
  return inbox.id;
}
