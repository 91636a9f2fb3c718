// task.complete input: the task and, optionally, the version the client saw.
import type { z } from "zod";
import { ZTaskTransitionSchema } from "./task-transition";

export const ZCompleteTaskSchema = ZTaskTransitionSchema;
export type TCompleteTask = z.infer<typeof ZCompleteTaskSchema>;
