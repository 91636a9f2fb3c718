// notification.list: the signed-in user's notifications, newest first, one page.
import { z } from "zod";
import { ZNotificationSchema } from "./notification-fields";

export const ZListNotificationsSchema = z
  .strictObject({
    unreadOnly: z.boolean().default(false),
    cursor: z.string().max(500).nullish(),
    limit: z.number().int().min(1, "limit must be at least 1").max(100, "limit can be at most 100").default(20),
  })
  .prefault({});
export type TListNotifications = z.infer<typeof ZListNotificationsSchema>;

export const ZNotificationPageSchema = z.object({
  items: z.array(ZNotificationSchema),
  nextCursor: z.string().nullable(),
});
export type TNotificationPage = z.infer<typeof ZNotificationPageSchema>;
