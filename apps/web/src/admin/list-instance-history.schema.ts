// admin.history input: the whole instance's history, filtered by person (who acted), project and
// event type, one page; the output is audit.list's page.
import { z } from "zod";
import { ZAuditActorIdSchema, ZAuditCursorSchema, ZAuditEventTypeSchema } from "@/audit/list-audit-entries.schema";

export const ZListInstanceHistorySchema = z
  .strictObject({
    /** Entries this person made (their id), or that a consumer made ("recurrence"). */
    userId: ZAuditActorIdSchema.optional(),
    projectId: z.uuid("projectId must be a project id").optional(),
    type: ZAuditEventTypeSchema.optional(),
    cursor: ZAuditCursorSchema,
    limit: z.number().int().min(1, "limit must be at least 1").max(100, "limit can be at most 100").default(30),
  })
  .prefault({});
export type TListInstanceHistory = z.infer<typeof ZListInstanceHistorySchema>;
