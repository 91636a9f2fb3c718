// Every administrator read is recorded before it runs, in the same transaction: if the record
// cannot be written, nothing is read (docs/administration.md).
import { randomUUID } from "node:crypto";
import { recordAdminRead, type Db, type Tx } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";

export async function recordedRead<T>(
  db: Db,
  params: { admin: TSessionUser; procedure: string; filters: Record<string, unknown> },
  read: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    await recordAdminRead(tx, {
      id: randomUUID(),
      adminId: params.admin.id,
      adminEmail: params.admin.email,
      procedure: params.procedure,
      // Only the filters that were given: undefined is not JSON.
      filters: Object.fromEntries(Object.entries(params.filters).filter(([, value]) => value !== undefined && value !== null)),
    });
    return read(tx);
  });
}
