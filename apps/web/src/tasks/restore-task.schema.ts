// task.restore input: the task and, optionally, the version the client saw.
import type { z } from "zod";
import { ZTaskTransitionSchema } from "./task-transition";

export const ZRestoreTaskSchema = ZTaskTransitionSchema;
export type TRestoreTask = z.infer<typeof ZRestoreTaskSchema>;
