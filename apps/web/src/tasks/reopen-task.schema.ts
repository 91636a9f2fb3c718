// task.reopen input: the task and, optionally, the version the client saw.
import type { z } from "zod";
import { ZTaskTransitionSchema } from "./task-transition";

export const ZReopenTaskSchema = ZTaskTransitionSchema;
export type TReopenTask = z.infer<typeof ZReopenTaskSchema>;
