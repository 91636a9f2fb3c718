// audit.list input and output: the signed-in user's trail, or (with projectId) a project's history
// for its members, newest first, filtered, one page. The entry shape is shared by every history
// read (audit.taskHistory, admin.history).
import { z } from "zod";
import { pageSchemaOf } from "@/server/page-schema";
import { ZIsoDateTimeSchema } from "@/tasks/task-fields";

export const TASK_AUDIT_EVENT_TYPES = [
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
/** The project events of packages/events (project-events.ts); a test keeps the two lists equal. */
export const PROJECT_AUDIT_EVENT_TYPES = [
  "project.created",
  "project.updated",
  "project.deleted",
  "project.restored",
  "section.created",
  "section.updated",
  "section.deleted",
  "invitation.created",
  "invitation.closed",
  "member.added",
  "member.updated",
  "member.removed",
] as const;
export const AUDIT_EVENT_TYPES = [...TASK_AUDIT_EVENT_TYPES, ...PROJECT_AUDIT_EVENT_TYPES] as const;
export type TAuditEventType = (typeof AUDIT_EVENT_TYPES)[number];
export const ZAuditEventTypeSchema = z.enum(AUDIT_EVENT_TYPES, {
  message: `type must be one of ${AUDIT_EVENT_TYPES.join(", ")}`,
});
/** Who acted: a user id, or a consumer's name ("recurrence"). */
export const ZAuditActorIdSchema = z.string().min(1, "actorId must not be empty").max(200, "actorId is too long");
export const ZAuditCursorSchema = z.string().max(500, "the page cursor is too long").nullish();

export const ZListAuditEntriesSchema = z
  .strictObject({
    types: z.array(ZAuditEventTypeSchema).max(AUDIT_EVENT_TYPES.length).optional(),
    taskId: z.uuid("taskId must be a task id").optional(),
    /** A project's history instead of the user's own (members only; others get NOT_FOUND). */
    projectId: z.uuid("projectId must be a project id").optional(),
    actorId: ZAuditActorIdSchema.optional(),
    /** Inclusive bounds on when the change happened. */
    from: ZIsoDateTimeSchema.optional(),
    to: ZIsoDateTimeSchema.optional(),
    cursor: ZAuditCursorSchema,
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

export const ZAuditSubjectSchema = z.object({
  /** The project's, section's or member's name ("you" when the member is the reader). */
  name: z.string().nullable(),
  previousName: z.string().nullable(),
  email: z.string().nullable(),
  role: z.string().nullable(),
  previousRole: z.string().nullable(),
  /** An invitation's status (ACCEPTED, DECLINED, REVOKED, PENDING). */
  status: z.string().nullable(),
  /** member.removed: "removed" or "left"; section.deleted: what happened to its tasks ("moved", "deleted"). */
  reason: z.string().nullable(),
  changedFields: z.array(z.string()),
  archived: z.boolean().nullable(),
  /** The member the entry is about is the one who acted (joined, left). */
  memberIsActor: z.boolean(),
});
export type TAuditSubject = z.infer<typeof ZAuditSubjectSchema>;

export const ZAuditEntrySchema = z.object({
  id: z.uuid(),
  eventId: z.string(),
  type: z.string(),
  /** "you" for the reader's own actions; otherwise the acting user's id or the consumer ("recurrence"). */
  actor: z.string(),
  /** Who acted, as people read it: "You", a member's name, or the consumer's ("Repeat", "Reminders"). */
  actorName: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  /** What a project, section, invitation or membership entry is about (null for task and reminder entries). */
  subject: ZAuditSubjectSchema.nullable(),
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

export const ZAuditPageSchema = pageSchemaOf(ZAuditEntrySchema);
export type TAuditPage = z.infer<typeof ZAuditPageSchema>;
