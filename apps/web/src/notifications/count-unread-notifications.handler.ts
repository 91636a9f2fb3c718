// notification.unreadCount: the badge number, for the signed-in user only.
import { countUnreadNotifications, type Db } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";
import type { TUnreadCount } from "./count-unread-notifications.schema";

export interface CountUnreadNotificationsOptions {
  db: Db;
  user: TSessionUser;
}

export async function countUnread({ db, user }: CountUnreadNotificationsOptions): Promise<TUnreadCount> {
  return { count: await countUnreadNotifications(db, { userId: user.id }) };
}
