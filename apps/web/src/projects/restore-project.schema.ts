// project.restore input: the project.
import type { z } from "zod";
import { ZProjectRefSchema } from "./project-fields";

export const ZRestoreProjectSchema = ZProjectRefSchema;
export type TRestoreProject = z.infer<typeof ZProjectRefSchema>;
