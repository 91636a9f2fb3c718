// notification.* procedures: wiring only.
import { createTRPCRouter, protectedProcedure } from "@/trpc/init";
import { countUnread } from "./count-unread-notifications.handler";
import { ZUnreadCountSchema } from "./count-unread-notifications.schema";
import { listNotificationsForUser } from "./list-notifications.handler";
import { ZListNotificationsSchema, ZNotificationPageSchema } from "./list-notifications.schema";
import { markAllRead } from "./mark-all-notifications-read.handler";
import { markRead } from "./mark-notifications-read.handler";
import { ZMarkedReadSchema, ZMarkNotificationsReadSchema } from "./mark-notifications-read.schema";

export const notificationRouter = createTRPCRouter({
  list: protectedProcedure
    .input(ZListNotificationsSchema)
    .output(ZNotificationPageSchema)
    .query(({ ctx, input }) => listNotificationsForUser({ db: ctx.db, user: ctx.user, input })),
  unreadCount: protectedProcedure
    .output(ZUnreadCountSchema)
    .query(({ ctx }) => countUnread({ db: ctx.db, user: ctx.user })),
  markRead: protectedProcedure
    .input(ZMarkNotificationsReadSchema)
    .output(ZMarkedReadSchema)
    .mutation(({ ctx, input }) => markRead({ db: ctx.db, user: ctx.user, input })),
  markAllRead: protectedProcedure
    .output(ZMarkedReadSchema)
    .mutation(({ ctx }) => markAllRead({ db: ctx.db, user: ctx.user })),
});
