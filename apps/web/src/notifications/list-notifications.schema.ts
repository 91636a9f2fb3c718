// notification.list: the signed-in user's notifications, newest first, one page.
import { z } from "zod";
import { pageSchemaOf } from "@/server/page-schema";
import { ZNotificationSchema } from "./notification-fields";

export const ZListNotificationsSchema = z
  .strictObject({
    unreadOnly: z.boolean().default(false),
    cursor: z.string().max(500).nullish(),
    limit: z.number().int().min(1, "limit must be at least 1").max(100, "limit can be at most 100").default(20),
  })
  .prefault({});
export type TListNotifications = z.infer<typeof ZListNotificationsSchema>;

export const ZNotificationPageSchema = pageSchemaOf(ZNotificationSchema);
export type TNotificationPage = z.infer<typeof ZNotificationPageSchema>;
