// audit.list input and output: the signed-in user's trail, newest first, filtered, one page.
import { z } from "zod";
import { ZIsoDateTimeSchema } from "@/tasks/task-fields";

export const AUDIT_EVENT_TYPES = [
  "task.created",
  "task.updated",
  "task.completed",
  "task.reopened",
  "task.deleted",
  "task.restored",
  "task.next-occurrence-kept",
  "reminder.scheduled",
  "reminder.cancelled",
  "reminder.fired",
] as const;
export const ZAuditEventTypeSchema = z.enum(AUDIT_EVENT_TYPES);

export const ZListAuditEntriesSchema = z
  .strictObject({
    types: z.array(ZAuditEventTypeSchema).max(AUDIT_EVENT_TYPES.length).optional(),
    taskId: z.uuid("taskId must be a task id").optional(),
    /** Inclusive bounds on when the change happened. */
    from: ZIsoDateTimeSchema.optional(),
    to: ZIsoDateTimeSchema.optional(),
    cursor: z.string().max(500).nullish(),
    limit: z.number().int().min(1, "limit must be at least 1").max(100, "limit can be at most 100").default(30),
  })
  .superRefine((input, ctx) => {
    if (input.from && input.to && new Date(input.from) > new Date(input.to)) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "to must not be before from" });
    }
  })
  .prefault({});
export type TListAuditEntries = z.infer<typeof ZListAuditEntriesSchema>;
export type TListAuditEntriesInput = z.input<typeof ZListAuditEntriesSchema>;

export const ZAuditDiffEntrySchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

export const ZAuditEntrySchema = z.object({
  id: z.uuid(),
  eventId: z.string(),
  type: z.string(),
  /** "you" for the user's own actions; otherwise the part of the system ("recurrence", "reminders"). */
  actor: z.string(),
  taskId: z.string().nullable(),
  /** The task's title as of this entry (null for reminder entries of a task the trail never saw). */
  taskTitle: z.string().nullable(),
  version: z.number().int().nullable(),
  occurredAt: z.iso.datetime(),
  diff: z.array(ZAuditDiffEntrySchema),
  /** A reminder entry's instant (set for, cancelled, sent for); null for task entries. */
  reminderAt: z.string().nullable(),
  /** The task (and event type) this entry was caused by, when a consumer produced it. */
  causedBy: z.object({ type: z.string(), taskId: z.string().nullable() }).nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntrySchema>;

export const ZAuditPageSchema = z.object({
  items: z.array(ZAuditEntrySchema),
  nextCursor: z.string().nullable(),
});
export type TAuditPage = z.infer<typeof ZAuditPageSchema>;
