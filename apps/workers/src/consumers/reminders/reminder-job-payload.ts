// What a reminder job carries: the task, the instant, and the reminder.scheduled event that
// asked for it (so reminder.fired continues the chain: completion → occurrence → reminder).
import { z } from "zod";

export const ZReminderJobPayloadSchema = z.object({
  taskId: z.uuid(),
  fireAt: z.iso.datetime({ offset: true }),
  cause: z.object({ id: z.string().min(1), correlationid: z.string().min(1) }),
  /** The span that scheduled it: the firing continues that trace (absent in older jobs). */
  traceparent: z.string().optional(),
});
export type TReminderJobPayload = z.infer<typeof ZReminderJobPayloadSchema>;
