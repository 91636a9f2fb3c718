// The shape of every keyset-paged list the API returns: the items, and the cursor of the next page
// (null on the last one).
import { z } from "zod";

export function pageSchemaOf<TItem extends z.ZodType>(item: TItem) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
