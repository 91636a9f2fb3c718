// audit.* procedures: wiring only.
import { createTRPCRouter, protectedProcedure } from "@/trpc/init";
import { listAuditEntriesForUser } from "./list-audit-entries.handler";
import { ZAuditPageSchema, ZListAuditEntriesSchema } from "./list-audit-entries.schema";

export const auditRouter = createTRPCRouter({
  list: protectedProcedure
    .input(ZListAuditEntriesSchema)
    .output(ZAuditPageSchema)
    .query(({ ctx, input }) => listAuditEntriesForUser({ db: ctx.db, user: ctx.user, input })),
});
