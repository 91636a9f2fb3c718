// project.unarchive input: the project.
import type { z } from "zod";
import { ZProjectRefSchema } from "./project-fields";

export const ZUnarchiveProjectSchema = ZProjectRefSchema;
export type TUnarchiveProject = z.infer<typeof ZProjectRefSchema>;
