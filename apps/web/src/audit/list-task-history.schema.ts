// audit.taskHistory input: one task's own history, for every member of the task's project.
import { z } from "zod";
import { ZAuditCursorSchema } from "./list-audit-entries.schema";

export const ZListTaskHistorySchema = z.strictObject({
  taskId: z.uuid("taskId must be a task id"),
  cursor: ZAuditCursorSchema,
  limit: z.number().int().min(1, "limit must be at least 1").max(100, "limit can be at most 100").default(20),
});
export type TListTaskHistory = z.infer<typeof ZListTaskHistorySchema>;
