// task.get input.
import { z } from "zod";
import { ZTaskIdSchema } from "./task-fields";

export const ZGetTaskSchema = z.strictObject({ id: ZTaskIdSchema });
export type TGetTask = z.infer<typeof ZGetTaskSchema>;
