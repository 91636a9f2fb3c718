// admin.reads: the most recent administrator reads (who read what, with which filters, when).
import { z } from "zod";

export const ZListAdminReadsSchema = z
  .strictObject({ limit: z.number().int().min(1, "limit must be at least 1").max(200, "limit can be at most 200").default(50) })
  .prefault({});
export type TListAdminReads = z.infer<typeof ZListAdminReadsSchema>;

export const ZAdminReadSchema = z.object({
  id: z.uuid(),
  adminId: z.string(),
  adminEmail: z.string(),
  procedure: z.string(),
  filters: z.record(z.string(), z.unknown()),
  readAt: z.iso.datetime(),
});
export const ZAdminReadsSchema = z.object({ reads: z.array(ZAdminReadSchema) });
export type TAdminReads = z.infer<typeof ZAdminReadsSchema>;
