import { z } from "zod";
import { defineEvent } from "../define-event.ts";
import { TOPICS } from "../topics.ts";
import { ZReminderFieldsSchema } from "./reminder-fields.ts";

export const reminderFired = defineEvent({
  type: "reminder.fired",
  topic: TOPICS.reminders,
  version: 1,
  data: ZReminderFieldsSchema.extend({
    /** The in-app notification it created (live sync pushes it to the user's tabs). */
    notificationId: z.uuid(),
    /**
     * Who was reminded: a shared task's assignee, else its creator. Absent from events written
     * before assignees existed (the partition key, the creator, was the one reminded).
     */
    recipientId: z.string().min(1).optional(),
  }),
});
