// audit.taskHistory: the task's own history (whoever changed it, and the consumers that acted on
// it), for any member of its project; NOT_FOUND ("Task not found") for anyone else. The same read
// as audit.list({ taskId }), which the editor's TaskHistory uses (live updates refetch audit.list).
import type { Db } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";
import { listAuditEntriesForUser } from "./list-audit-entries.handler";
import type { TAuditPage } from "./list-audit-entries.schema";
import type { TListTaskHistory } from "./list-task-history.schema";

export async function listTaskHistory({ db, user, input }: { db: Db; user: TSessionUser; input: TListTaskHistory }): Promise<TAuditPage> {
  return listAuditEntriesForUser({ db, user, input: { ...input } });
}
