// tag.delete input.
import { z } from "zod";

export const ZDeleteTagSchema = z.strictObject({ id: z.uuid("Tag id must be a UUID") });
export type TDeleteTag = z.infer<typeof ZDeleteTagSchema>;
