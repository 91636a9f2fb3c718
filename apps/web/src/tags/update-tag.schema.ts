// tag.update input: rename and/or recolour.
import { z } from "zod";
import { ZTagColorSchema, ZTagNameSchema } from "./tag-fields";

export const ZUpdateTagSchema = z
  .strictObject({
    id: z.uuid("Tag id must be a UUID"),
    name: ZTagNameSchema.optional(),
    color: ZTagColorSchema.optional(),
  })
  .refine((input) => input.name !== undefined || input.color !== undefined, {
    message: "Nothing to change: give a name or a color",
  });
export type TUpdateTag = z.infer<typeof ZUpdateTagSchema>;
