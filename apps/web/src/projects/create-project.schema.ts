// project.create input: a name and, optionally, a colour (default slate).
import { z } from "zod";
import { ZProjectColorSchema, ZProjectNameSchema } from "./project-fields";

export const ZCreateProjectSchema = z.strictObject({
  name: ZProjectNameSchema,
  color: ZProjectColorSchema.optional(),
});
export type TCreateProject = z.infer<typeof ZCreateProjectSchema>;
