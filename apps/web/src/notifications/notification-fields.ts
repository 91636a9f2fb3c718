// The notification as the API returns it.
import { z } from "zod";

export const ZNotificationSchema = z.object({
  id: z.uuid(),
  taskId: z.uuid().nullable(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type TNotification = z.infer<typeof ZNotificationSchema>;

export const ZNotificationIdSchema = z.uuid("Each notification id must be a UUID");
