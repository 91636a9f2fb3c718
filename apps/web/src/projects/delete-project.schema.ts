// project.delete input: the project.
import type { z } from "zod";
import { ZProjectRefSchema } from "./project-fields";

export const ZDeleteProjectSchema = ZProjectRefSchema;
export type TDeleteProject = z.infer<typeof ZProjectRefSchema>;
