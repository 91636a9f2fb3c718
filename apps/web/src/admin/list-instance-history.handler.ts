// admin.history: one page of the whole instance's history, newest first (a recorded read).
import type { Db } from "@taskboard/db";
import { readAuditPage } from "@/audit/read-audit-page";
import type { TAuditPage } from "@/audit/list-audit-entries.schema";
import type { TSessionUser } from "@/server/session-user";
import type { TListInstanceHistory } from "./list-instance-history.schema";
import { recordedRead } from "./recorded-read";

export async function listInstanceHistory({ db, admin, input }: { db: Db; admin: TSessionUser; input: TListInstanceHistory }): Promise<TAuditPage> {
  const { userId, projectId, type, cursor, limit } = input;
  return recordedRead(db, { admin, procedure: "admin.history", filters: { userId, projectId, type, cursor } }, (tx) =>
    readAuditPage(tx, {
      scope: { instance: true },
      filter: { actor: userId, projectId, types: type ? [type] : undefined },
      cursor,
      limit,
      readerId: admin.id,
    }),
  );
}
