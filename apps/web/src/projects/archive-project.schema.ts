// project.archive input: the project.
import type { z } from "zod";
import { ZProjectRefSchema } from "./project-fields";

export const ZArchiveProjectSchema = ZProjectRefSchema;
export type TArchiveProject = z.infer<typeof ZProjectRefSchema>;
