// Field schemas shared by task.create and task.update, with the messages a person sees.
import { z } from "zod";
import { TASK_LIMITS, ZRecurrenceModeSchema, ZTaskPrioritySchema } from "@taskboard/events";
import { findSeriesProblem, RecurrenceError, validateRrule } from "@taskboard/recurrence";
import { hasNoNul, ZTagNameSchema } from "@/tags/tag-fields";
import { isValidTimeZone } from "./time-zone";

/** 28 days: the furthest ahead of the due time a relative reminder may fire. */
export const REMIND_BEFORE_MAX_MINUTES = 40_320;

export const ZTaskTitleSchema = z
  .string()
  .trim()
  .min(1, "Title must not be empty")
  .max(TASK_LIMITS.title, `Title must be at most ${TASK_LIMITS.title} characters`)
  .refine(hasNoNul, "Title cannot contain the NUL character (U+0000)");

export const ZTaskDescriptionSchema = z
  .string()
  .max(TASK_LIMITS.description, `Description must be at most ${TASK_LIMITS.description} characters`)
  .refine(hasNoNul, "Description cannot contain the NUL character (U+0000)");

export const ZIsoDateTimeSchema = z.iso.datetime({
  offset: true,
  message: "Must be an ISO date-time with a zone, e.g. 2026-05-01T09:00:00Z",
});

export const ZTimeZoneSchema = z
  .string()
  .max(64, "Time zone must be at most 64 characters")
  .refine(isValidTimeZone, "Unknown time zone: use an IANA name such as Europe/Berlin or UTC");

export const ZRemindBeforeMinutesSchema = z
  .number()
  .int("Reminder offset must be whole minutes")
  .min(0, "Reminder offset cannot be negative")
  .max(REMIND_BEFORE_MAX_MINUTES, "Reminder offset can be at most 28 days (40320 minutes)");

/**
 * A supported RRULE, normalised (upper case, no "RRULE:" prefix). Checked by @taskboard/recurrence's
 * validator, the one the editor and the recurrence worker use, so whatever is stored can be scheduled.
 */
export const ZRruleSchema = z
  .string()
  .max(TASK_LIMITS.rrule, `Repeat rule must be at most ${TASK_LIMITS.rrule} characters`)
  .transform((value, ctx) => {
    const check = validateRrule(value);
    if (!check.ok) {
      ctx.addIssue({ code: "custom", message: check.message });
      return z.NEVER;
    }
    return check.rrule;
  });

/**
 * Why a series with this (valid) rule cannot start at `dueAt` in `timeZone`, or null: the checks
 * that need the due date ("every year in April" from a due date on the 31st never repeats).
 * An unknown zone is the time zone field's error, not this one's.
 */
export function findRruleStartProblem(rrule: string, dueAt: Date, timeZone: string): string | null {
  try {
    const problem = findSeriesProblem({ rrule, start: dueAt, timeZone });
    return problem ? `Invalid recurrence: ${problem}` : null;
  } catch (error) {
    if (error instanceof RecurrenceError) return null;
    throw error;
  }
}

export const ZTagIdsSchema = z
  .array(z.uuid("Each tag id must be a UUID"))
  .max(TASK_LIMITS.tags, `A task can have at most ${TASK_LIMITS.tags} tags`);

export const ZTagNamesSchema = z
  .array(ZTagNameSchema)
  .max(TASK_LIMITS.tags, `A task can have at most ${TASK_LIMITS.tags} tags`);

/**
 * Board positions are doubles; values near the double limit (±1.79e308) are finite in JS but
 * PostgreSQL refuses them as out of range (a 500), so positions stay well inside it.
 */
export const POSITION_LIMIT = 1e15;

export const ZPositionSchema = z
  .number()
  .finite("Position must be a finite number")
  .min(-POSITION_LIMIT, "Position must be at least -1e15")
  .max(POSITION_LIMIT, "Position must be at most 1e15");

/** Everything a task's editable state may contain; create and update pick from it. */
export const taskFieldShape = {
  title: ZTaskTitleSchema,
  description: ZTaskDescriptionSchema,
  priority: ZTaskPrioritySchema,
  dueAt: ZIsoDateTimeSchema.nullable(),
  allDay: z.boolean(),
  timeZone: ZTimeZoneSchema,
  remindAt: ZIsoDateTimeSchema.nullable(),
  remindBeforeMinutes: ZRemindBeforeMinutesSchema.nullable(),
  rrule: ZRruleSchema.nullable(),
  recurrenceMode: ZRecurrenceModeSchema.nullable(),
  tagIds: ZTagIdsSchema,
  tagNames: ZTagNamesSchema,
  position: ZPositionSchema,
  projectId: z.uuid("Project id must be a UUID"),
  sectionId: z.uuid("Section id must be a UUID").nullable(),
  assigneeId: z.string().min(1, "Assignee id must not be empty").max(100).nullable(),
};

export const ZTaskIdSchema = z.uuid("Task id must be a UUID");
export const ZExpectedVersionSchema = z.number().int().positive("expectedVersion must be a positive whole number");
