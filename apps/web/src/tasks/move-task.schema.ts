// task.move input: where a dragged task lands on the board. The UI picks the position between its
// new neighbours; the section (null: "No section") and the project say which column and board.
import { z } from "zod";
import { taskFieldShape, ZExpectedVersionSchema, ZPositionSchema, ZTaskIdSchema } from "./task-fields";

export const ZMoveTaskSchema = z.strictObject({
  id: ZTaskIdSchema,
  expectedVersion: ZExpectedVersionSchema,
  /** Another project the user may write to; absent: the task's own project. */
  projectId: taskFieldShape.projectId.optional(),
  /** A live section of the (new) project; null: no section; absent: the same one within a project, none in another. */
  sectionId: taskFieldShape.sectionId.optional(),
  position: ZPositionSchema,
});
export type TMoveTask = z.infer<typeof ZMoveTaskSchema>;
