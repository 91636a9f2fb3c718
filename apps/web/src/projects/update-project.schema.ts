// project.update input: the version the client saw and a patch (name and/or colour).
import { z } from "zod";
import { ZProjectColorSchema, ZProjectExpectedVersionSchema, ZProjectIdSchema, ZProjectNameSchema } from "./project-fields";

export const ZProjectPatchSchema = z
  .strictObject({ name: ZProjectNameSchema.optional(), color: ZProjectColorSchema.optional() })
  .refine((patch) => patch.name !== undefined || patch.color !== undefined, { message: "Nothing to change: give a name or a color" });

export const ZUpdateProjectSchema = z.strictObject({
  id: ZProjectIdSchema,
  expectedVersion: ZProjectExpectedVersionSchema,
  patch: ZProjectPatchSchema,
});
export type TUpdateProject = z.infer<typeof ZUpdateProjectSchema>;
