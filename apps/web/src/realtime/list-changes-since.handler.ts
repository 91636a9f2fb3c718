// realtime.changesSince: what a reconnecting browser missed. Scoped to the session's user only.
import { listUserChangesSince, type Db } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";
import type { TChangesPage, TListChangesSince } from "./list-changes-since.schema";

export interface ListChangesSinceOptions {
  db: Db;
  user: TSessionUser;
  input: TListChangesSince;
}

export async function listChangesSince({ db, user, input }: ListChangesSinceOptions): Promise<TChangesPage> {
  const page = await listUserChangesSince(db, { userId: user.id, afterSeq: input.afterSeq, limit: input.limit });
  return {
    changes: page.changes.map(({ seq, kind, entityId, version, payload }) => ({ seq, kind, entityId, version, payload })),
    latestSeq: page.latestSeq,
    hasMore: page.hasMore,
  };
}
