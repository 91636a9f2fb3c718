// The state of one task as events carry it. Dates are ISO-8601 strings so that the JSON on the
// wire and the parsed value are the same thing.
import { z } from "zod";

export const TASK_LIMITS = {
  title: 500,
  description: 20_000,
  tags: 20,
  rrule: 500,
} as const;

export const ZTaskStatusSchema = z.enum(["OPEN", "COMPLETED"]);
export const ZTaskPrioritySchema = z.enum(["NONE", "LOW", "MEDIUM", "HIGH", "URGENT"]);
export const ZRecurrenceModeSchema = z.enum(["FIXED", "FROM_COMPLETION"]);

const isoInstant = z.iso.datetime({ offset: true });

export const ZTaskSnapshotSchema = z.object({
  id: z.uuid(),
  userId: z.string().min(1),
  title: z.string().min(1).max(TASK_LIMITS.title),
  description: z.string().max(TASK_LIMITS.description),
  status: ZTaskStatusSchema,
  priority: ZTaskPrioritySchema,
  dueAt: isoInstant.nullable(),
  allDay: z.boolean(),
  timeZone: z.string().min(1),
  remindAt: isoInstant.nullable(),
  remindBeforeMinutes: z.number().int().nonnegative().nullable(),
  rrule: z.string().max(TASK_LIMITS.rrule).nullable(),
  recurrenceMode: ZRecurrenceModeSchema.nullable(),
  seriesId: z.uuid().nullable(),
  /** The series' DTSTART (see Task.seriesStartAt); absent from events written before it existed. */
  seriesStartAt: isoInstant.nullable().optional(),
  /**
   * The task's project, section and assignee (migration 006). Optional only so that events written
   * before projects existed still parse; every producer now sets them.
   */
  projectId: z.uuid().optional(),
  sectionId: z.uuid().nullable().optional(),
  assigneeId: z.string().min(1).nullable().optional(),
  position: z.number(),
  version: z.number().int().positive(),
  tags: z
    .array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        /** The tag's "#rrggbb" colour; optional so producers that do not know it stay valid. */
        color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
      }),
    )
    .max(TASK_LIMITS.tags),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  completedAt: isoInstant.nullable(),
  deletedAt: isoInstant.nullable(),
});

export type TTaskSnapshot = z.infer<typeof ZTaskSnapshotSchema>;
export type TTaskField = Exclude<keyof TTaskSnapshot, "id" | "userId" | "version" | "createdAt" | "updatedAt">;
