// task.create input. Cross-field rules (reminders, recurrence) are checked here so the form can
// show them next to the field.
import { z } from "zod";
import { TASK_LIMITS } from "@taskboard/events";
import { findRruleStartProblem, taskFieldShape } from "./task-fields";

const f = taskFieldShape;

/** A task's editable fields as task.create takes them; task.update takes any of them (a patch). */
export const ZTaskFieldsSchema = z.strictObject({
  title: f.title,
  description: f.description.optional(),
  priority: f.priority.optional(),
  dueAt: f.dueAt.optional(),
  allDay: f.allDay.optional(),
  /** IANA zone the due date and recurrence are read in; default "UTC". */
  timeZone: f.timeZone.optional(),
  remindAt: f.remindAt.optional(),
  remindBeforeMinutes: f.remindBeforeMinutes.optional(),
  rrule: f.rrule.optional(),
  /** Default FIXED when rrule is set. */
  recurrenceMode: f.recurrenceMode.optional(),
  /** Existing tags of the user. */
  tagIds: f.tagIds.optional(),
  /** Tag names; missing ones are created (case-insensitive match with existing ones). */
  tagNames: f.tagNames.optional(),
  /** Default: below the project's last task. */
  position: f.position.optional(),
  /** Default: the user's Inbox. */
  projectId: f.projectId.optional(),
  /** A section of the project; default none. */
  sectionId: f.sectionId.optional(),
  /** A member of the project; default nobody. */
  assigneeId: f.assigneeId.optional(),
});

export const ZCreateTaskSchema = ZTaskFieldsSchema.superRefine((input, ctx) => {
  const hasDue = input.dueAt != null;
  if (input.remindBeforeMinutes != null && !hasDue) {
    ctx.addIssue({ code: "custom", path: ["remindBeforeMinutes"], message: "A reminder before the due time needs a due date" });
  }
  if (input.remindAt != null && input.remindBeforeMinutes != null) {
    ctx.addIssue({ code: "custom", path: ["remindAt"], message: "Choose either remindAt or remindBeforeMinutes, not both" });
  }
  if (input.rrule != null && !hasDue) {
    ctx.addIssue({ code: "custom", path: ["rrule"], message: "A repeating task needs a due date to start from" });
  }
  const startProblem = input.rrule != null && input.dueAt != null ? findRruleStartProblem(input.rrule, new Date(input.dueAt), input.timeZone ?? "UTC") : null;
  if (startProblem) ctx.addIssue({ code: "custom", path: ["rrule"], message: startProblem });
  if (input.recurrenceMode != null && input.rrule == null) {
    ctx.addIssue({ code: "custom", path: ["recurrenceMode"], message: "recurrenceMode only applies with a repeat rule (rrule)" });
  }
  const tagCount = new Set(input.tagIds ?? []).size + new Set(input.tagNames ?? []).size;
  if (tagCount > TASK_LIMITS.tags) {
    ctx.addIssue({ code: "custom", path: ["tagIds"], message: `A task can have at most ${TASK_LIMITS.tags} tags` });
  }
});

export type TCreateTask = z.infer<typeof ZCreateTaskSchema>;
export type TCreateTaskInput = z.input<typeof ZCreateTaskSchema>;
