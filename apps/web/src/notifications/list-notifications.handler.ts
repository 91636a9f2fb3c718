// notification.list: one page of the signed-in user's notifications (never anyone else's).
import { listNotifications, type Db, type NotificationRow } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";
import type { TListNotifications, TNotificationPage } from "./list-notifications.schema";
import type { TNotification } from "./notification-fields";
import { decodeNotificationCursor, encodeNotificationCursor } from "./notification-cursor";

export interface ListNotificationsOptions {
  db: Db;
  user: TSessionUser;
  input: TListNotifications;
}

export async function listNotificationsForUser({ db, user, input }: ListNotificationsOptions): Promise<TNotificationPage> {
  const rows = await listNotifications(db, {
    userId: user.id,
    unreadOnly: input.unreadOnly,
    after: input.cursor ? decodeNotificationCursor(input.cursor) : null,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(toNotification),
    nextCursor: rows.length > input.limit && last ? encodeNotificationCursor(last) : null,
  };
}

export function toNotification(row: NotificationRow): TNotification {
  return { ...row, createdAt: row.createdAt.toISOString(), readAt: row.readAt?.toISOString() ?? null };
}
