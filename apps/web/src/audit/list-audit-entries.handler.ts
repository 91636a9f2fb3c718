// audit.list: one page of history. With projectId: the project's whole history (every member's
// changes, memberships included), for its members. With taskId: the task's own history, for the
// members of its project (the editor's TaskHistory). Otherwise the signed-in user's own trail.
// A stranger or a removed member gets NOT_FOUND, as for a project or task that does not exist.
import type { Db } from "@taskboard/db";
import type { AuditScope } from "@taskboard/db";
import { requireProjectAccess, requireTaskAccess } from "@/projects/project-access";
import type { TSessionUser } from "@/server/session-user";
import type { TAuditPage, TListAuditEntries } from "./list-audit-entries.schema";
import { readAuditPage } from "./read-audit-page";

export interface ListAuditEntriesOptions {
  db: Db;
  user: TSessionUser;
  input: TListAuditEntries;
}

export async function listAuditEntriesForUser({ db, user, input }: ListAuditEntriesOptions): Promise<TAuditPage> {
  return readAuditPage(db, {
    scope: await readableScope(db, user, input),
    filter: {
      types: input.types,
      taskId: input.taskId,
      actor: input.actorId,
      from: input.from ? new Date(input.from) : undefined,
      to: input.to ? new Date(input.to) : undefined,
    },
    cursor: input.cursor,
    limit: input.limit,
    readerId: user.id,
  });
}

async function readableScope(db: Db, user: TSessionUser, input: TListAuditEntries): Promise<AuditScope> {
  if (input.projectId) {
    await requireProjectAccess(db, { userId: user.id, projectId: input.projectId, need: "read" });
    return { projectId: input.projectId };
  }
  if (input.taskId) {
    await requireTaskAccess(db, { userId: user.id, taskId: input.taskId, need: "read" });
    return { taskId: input.taskId };
  }
  return { userId: user.id };
}
