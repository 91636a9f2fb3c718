// notification.markRead: only the signed-in user's own notifications can change; an id of
// someone else's matches nothing (and says nothing about whether it exists).
import { markNotificationsRead, type Db } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";
import type { TMarkedRead, TMarkNotificationsRead } from "./mark-notifications-read.schema";

export interface MarkNotificationsReadOptions {
  db: Db;
  user: TSessionUser;
  input: TMarkNotificationsRead;
}

export async function markRead({ db, user, input }: MarkNotificationsReadOptions): Promise<TMarkedRead> {
  return { updated: await markNotificationsRead(db, { userId: user.id, ids: input.ids, now: new Date() }) };
}
