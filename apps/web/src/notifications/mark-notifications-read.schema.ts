// notification.markRead: mark some of the signed-in user's notifications read.
import { z } from "zod";
import { ZNotificationIdSchema } from "./notification-fields";

export const ZMarkNotificationsReadSchema = z.strictObject({
  ids: z.array(ZNotificationIdSchema).min(1, "Give at least one notification id").max(100, "At most 100 notifications at once"),
});
export type TMarkNotificationsRead = z.infer<typeof ZMarkNotificationsReadSchema>;

/** How many notifications changed (ids of someone else's notifications change nothing). */
export const ZMarkedReadSchema = z.object({ updated: z.number().int().nonnegative() });
export type TMarkedRead = z.infer<typeof ZMarkedReadSchema>;
