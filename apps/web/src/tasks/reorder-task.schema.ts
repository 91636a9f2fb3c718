// task.reorder input: where the task goes on the board (the UI picks a number between its new
// neighbours' positions).
import { z } from "zod";
import { ZExpectedVersionSchema, ZPositionSchema, ZTaskIdSchema } from "./task-fields";

export const ZReorderTaskSchema = z.strictObject({
  id: ZTaskIdSchema,
  expectedVersion: ZExpectedVersionSchema,
  position: ZPositionSchema,
});
export type TReorderTask = z.infer<typeof ZReorderTaskSchema>;
