import { z } from "zod";
import { defineEvent } from "../define-event.ts";
import { TOPICS } from "../topics.ts";
import { ZReminderFieldsSchema } from "./reminder-fields.ts";

export const reminderScheduled = defineEvent({
  type: "reminder.scheduled",
  topic: TOPICS.reminders,
  version: 1,
  data: ZReminderFieldsSchema.extend({
    /** The instant it replaces, when the reminder moved; null for a new reminder. */
    previousFireAt: z.iso.datetime({ offset: true }).nullable(),
  }),
});
