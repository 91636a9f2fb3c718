// section.delete input: the section and what happens to its tasks: moved to another section of
// the project (or to "No section" with null), or deleted with it.
import { z } from "zod";
import { ZSectionIdSchema } from "./section-fields";

export const ZSectionTasksFateSchema = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("moved"), toSectionId: z.uuid("Target section id must be a UUID").nullable() }),
  z.strictObject({ action: z.literal("deleted") }),
]);

export const ZDeleteSectionSchema = z.strictObject({ id: ZSectionIdSchema, tasks: ZSectionTasksFateSchema });
export type TDeleteSection = z.infer<typeof ZDeleteSectionSchema>;
