import { z } from "zod";
import { defineEvent } from "../define-event.ts";
import { TOPICS } from "../topics.ts";
import { ZReminderFieldsSchema } from "./reminder-fields.ts";

export const reminderCancelled = defineEvent({
  type: "reminder.cancelled",
  topic: TOPICS.reminders,
  version: 1,
  data: ZReminderFieldsSchema.extend({
    /** Why the task no longer wants it. */
    reason: z.enum(["completed", "deleted", "cleared"]),
  }),
});
