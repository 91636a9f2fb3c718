// project.get input: the project.
import type { z } from "zod";
import { ZProjectRefSchema } from "./project-fields";

export const ZGetProjectSchema = ZProjectRefSchema;
export type TGetProject = z.infer<typeof ZProjectRefSchema>;
