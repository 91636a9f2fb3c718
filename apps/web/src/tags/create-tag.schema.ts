// tag.create input.
import { z } from "zod";
import { ZTagColorSchema, ZTagNameSchema } from "./tag-fields";

export const ZCreateTagSchema = z.strictObject({
  name: ZTagNameSchema,
  /** Default "#64748b" (slate). */
  color: ZTagColorSchema.optional(),
});
export type TCreateTag = z.infer<typeof ZCreateTagSchema>;
