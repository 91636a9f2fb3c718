// task.update input: the version the client saw and a patch of create's fields. Absent keys
// stay as they are; null clears a nullable field; tagIds/tagNames replace the tag set.
import { z } from "zod";
import { ZTaskFieldsSchema } from "./create-task.schema";
import { ZExpectedVersionSchema, ZTaskIdSchema } from "./task-fields";

export const ZTaskPatchSchema = ZTaskFieldsSchema.partial()
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
