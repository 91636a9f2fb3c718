// audit.* procedures: wiring only.
import { createTRPCRouter, protectedProcedure } from "@/trpc/init";
import { listAuditEntriesForUser } from "./list-audit-entries.handler";
import { ZAuditPageSchema, ZListAuditEntriesSchema } from "./list-audit-entries.schema";
import { listHistoryPeople } from "./list-history-people.handler";
import { ZHistoryPeopleSchema, ZListHistoryPeopleSchema } from "./list-history-people.schema";
import { listTaskHistory } from "./list-task-history.handler";
import { ZListTaskHistorySchema } from "./list-task-history.schema";

export const auditRouter = createTRPCRouter({
  list: protectedProcedure
    .input(ZListAuditEntriesSchema)
    .output(ZAuditPageSchema)
    .query(({ ctx, input }) => listAuditEntriesForUser({ db: ctx.db, user: ctx.user, input })),
  taskHistory: protectedProcedure
    .input(ZListTaskHistorySchema)
    .output(ZAuditPageSchema)
    .query(({ ctx, input }) => listTaskHistory({ db: ctx.db, user: ctx.user, input })),
  people: protectedProcedure
    .input(ZListHistoryPeopleSchema)
    .output(ZHistoryPeopleSchema)
    .query(({ ctx, input }) => listHistoryPeople({ db: ctx.db, user: ctx.user, input })),
});
