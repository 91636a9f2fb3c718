// notification.markAllRead: every unread notification of the signed-in user.
import { markAllNotificationsRead, type Db } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";
import type { TMarkedRead } from "./mark-notifications-read.schema";

export interface MarkAllNotificationsReadOptions {
  db: Db;
  user: TSessionUser;
}

export async function markAllRead({ db, user }: MarkAllNotificationsReadOptions): Promise<TMarkedRead> {
  return { updated: await markAllNotificationsRead(db, { userId: user.id, now: new Date() }) };
}
