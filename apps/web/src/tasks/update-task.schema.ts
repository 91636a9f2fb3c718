// task.update input: the version the client saw and a patch of create's fields. Absent keys
// stay as they are; null clears a nullable field; tagIds/tagNames replace the tag set.
import { z } from "zod";
import { taskFieldShape, ZExpectedVersionSchema, ZTaskIdSchema } from "./task-fields";

const f = taskFieldShape;

export const ZTaskPatchSchema = z
  .strictObject({
    title: f.title.optional(),
    description: f.description.optional(),
    priority: f.priority.optional(),
    dueAt: f.dueAt.optional(),
    allDay: f.allDay.optional(),
    timeZone: f.timeZone.optional(),
    remindAt: f.remindAt.optional(),
    remindBeforeMinutes: f.remindBeforeMinutes.optional(),
    rrule: f.rrule.optional(),
    recurrenceMode: f.recurrenceMode.optional(),
    tagIds: f.tagIds.optional(),
    tagNames: f.tagNames.optional(),
    position: f.position.optional(),
  })
  .superRefine((patch, ctx) => {
    if (Object.values(patch).every((value) => value === undefined)) {
      ctx.addIssue({ code: "custom", message: "Nothing to change: the patch is empty" });
    }
    if (patch.remindAt != null && patch.remindBeforeMinutes != null) {
      ctx.addIssue({ code: "custom", path: ["remindAt"], message: "Choose either remindAt or remindBeforeMinutes, not both" });
    }
    if (patch.rrule === null && patch.recurrenceMode != null) {
      ctx.addIssue({ code: "custom", path: ["recurrenceMode"], message: "recurrenceMode only applies with a repeat rule (rrule)" });
    }
  });

export const ZUpdateTaskSchema = z.strictObject({
  id: ZTaskIdSchema,
  expectedVersion: ZExpectedVersionSchema,
  patch: ZTaskPatchSchema,
});

export type TTaskPatch = z.infer<typeof ZTaskPatchSchema>;
export type TUpdateTask = z.infer<typeof ZUpdateTaskSchema>;
export type TUpdateTaskInput = z.input<typeof ZUpdateTaskSchema>;
