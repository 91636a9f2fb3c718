// realtime.changesSince: the signed-in user's change feed after a seq, oldest first, one page.
import { z } from "zod";

export const MAX_CHANGES_PAGE = 500;

export const ZListChangesSinceSchema = z.strictObject({
  afterSeq: z.number().int().min(0, "afterSeq must be 0 or more"),
  limit: z.number().int().min(1).max(MAX_CHANGES_PAGE, `limit can be at most ${MAX_CHANGES_PAGE}`).default(200),
});
export type TListChangesSince = z.infer<typeof ZListChangesSinceSchema>;

export const ZUserChangeSchema = z.object({
  seq: z.number().int().positive(),
  kind: z.string(),
  entityId: z.string(),
  version: z.number().int(),
  payload: z.unknown(),
});
export type TUserChange = z.infer<typeof ZUserChangeSchema>;

export const ZChangesPageSchema = z.object({
  changes: z.array(ZUserChangeSchema),
  /** The user's newest seq, to tell "caught up" from "more to fetch" and to size a gap. */
  latestSeq: z.number().int().min(0),
  hasMore: z.boolean(),
});
export type TChangesPage = z.infer<typeof ZChangesPageSchema>;
