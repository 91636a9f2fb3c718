// task.delete input: the task and, optionally, the version the client saw.
import type { z } from "zod";
import { ZTaskTransitionSchema } from "./task-transition";

export const ZDeleteTaskSchema = ZTaskTransitionSchema;
export type TDeleteTask = z.infer<typeof ZDeleteTaskSchema>;
