// notification.unreadCount: how many of the signed-in user's notifications are unread (the badge).
import { z } from "zod";

export const ZUnreadCountSchema = z.object({ count: z.number().int().nonnegative() });
export type TUnreadCount = z.infer<typeof ZUnreadCountSchema>;
