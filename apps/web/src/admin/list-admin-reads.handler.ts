// admin.reads: the recent administrator reads, newest first; reading them is itself recorded.
import { listRecentAdminReads, type Db } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";
import type { TAdminReads, TListAdminReads } from "./list-admin-reads.schema";
import { recordedRead } from "./recorded-read";

export async function listAdminReads({ db, admin, input }: { db: Db; admin: TSessionUser; input: TListAdminReads }): Promise<TAdminReads> {
  const reads = await recordedRead(db, { admin, procedure: "admin.reads", filters: {} }, (tx) => listRecentAdminReads(tx, input.limit));
  return {
    reads: reads.map((read) => ({
      ...read,
      filters: read.filters && typeof read.filters === "object" && !Array.isArray(read.filters) ? (read.filters as Record<string, unknown>) : {},
      readAt: read.readAt.toISOString(),
    })),
  };
}
