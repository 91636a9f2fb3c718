// tag.list output: every tag of the user with how many live (and open) tasks carry it.
import { z } from "zod";
import { ZTagSchema } from "./tag-fields";

export const ZTagWithCountsSchema = ZTagSchema.extend({
  taskCount: z.number().int().nonnegative(),
  openTaskCount: z.number().int().nonnegative(),
});
export const ZTagListSchema = z.array(ZTagWithCountsSchema);
export type TTagWithCounts = z.infer<typeof ZTagWithCountsSchema>;
