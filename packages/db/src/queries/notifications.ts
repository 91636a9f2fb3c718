// In-app notifications, always scoped to their user. The reminder job writes them; the web's
// notification.* procedures read and mark them.
import type { Tx } from "../client.ts";
import type { Prisma } from "../generated/prisma/client.ts";

export interface NotificationInput {
  id: string;
  userId: string;
  taskId: string | null;
  kind: string;
  title: string;
  body: string;
  /** The event announcing it; unique, so a duplicate firing inserts nothing. */
  eventId: string;
  createdAt: Date;
}

export const notificationSelect = {
  id: true,
  taskId: true,
  kind: true,
  title: true,
  body: true,
  createdAt: true,
  readAt: true,
} satisfies Prisma.NotificationSelect;

export type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof notificationSelect }>;

/** Returns false when a notification for this event already exists. */
export async function insertNotification(tx: Tx, input: NotificationInput): Promise<boolean> {
  const { count } = await tx.notification.createMany({ data: [input], skipDuplicates: true });
  return count === 1;
}

/** Returns how many were new (a notification whose event already has one is skipped). */
export async function insertNotifications(tx: Tx, inputs: readonly NotificationInput[]): Promise<number> {
  if (inputs.length === 0) return 0;
  const { count } = await tx.notification.createMany({ data: [...inputs], skipDuplicates: true });
  return count;
}

/** Newest first, keyset-paginated on (createdAt, id). */
export async function listNotifications(
  tx: Tx,
  params: { userId: string; unreadOnly: boolean; after: { createdAt: Date; id: string } | null; limit: number },
): Promise<NotificationRow[]> {
  const and: Prisma.NotificationWhereInput[] = [{ userId: params.userId }];
  if (params.unreadOnly) and.push({ readAt: null });
  if (params.after) {
    const { createdAt, id } = params.after;
    and.push({ OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] });
  }
  return tx.notification.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: params.limit,
    select: notificationSelect,
  });
}

export async function countUnreadNotifications(tx: Tx, params: { userId: string }): Promise<number> {
  return tx.notification.count({ where: { userId: params.userId, readAt: null } });
}

/** Marks these of the user's notifications read (others' ids match nothing); returns how many changed. */
export async function markNotificationsRead(
  tx: Tx,
  params: { userId: string; ids: string[]; now: Date },
): Promise<number> {
  const { count } = await tx.notification.updateMany({
    where: { userId: params.userId, id: { in: params.ids }, readAt: null },
    data: { readAt: params.now },
  });
  return count;
}

export async function markAllNotificationsRead(tx: Tx, params: { userId: string; now: Date }): Promise<number> {
  const { count } = await tx.notification.updateMany({
    where: { userId: params.userId, readAt: null },
    data: { readAt: params.now },
  });
  return count;
}
