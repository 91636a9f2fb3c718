// admin.* procedures (instance administrators only; every call is a recorded read): wiring only.
import { ZAuditPageSchema } from "@/audit/list-audit-entries.schema";
import { createTRPCRouter } from "@/trpc/init";
import { adminProcedure } from "./admin-procedure";
import { listAdminReads } from "./list-admin-reads.handler";
import { ZAdminReadsSchema, ZListAdminReadsSchema } from "./list-admin-reads.schema";
import { listInstanceHistory } from "./list-instance-history.handler";
import { ZListInstanceHistorySchema } from "./list-instance-history.schema";
import { listProjectsForAdmin } from "./list-instance-projects.handler";
import { ZInstanceProjectsSchema } from "./list-instance-projects.schema";
import { listUsersForAdmin } from "./list-instance-users.handler";
import { ZInstanceUsersSchema } from "./list-instance-users.schema";

export const adminRouter = createTRPCRouter({
  users: adminProcedure.output(ZInstanceUsersSchema).query(({ ctx }) => listUsersForAdmin({ db: ctx.db, admin: ctx.user })),
  projects: adminProcedure.output(ZInstanceProjectsSchema).query(({ ctx }) => listProjectsForAdmin({ db: ctx.db, admin: ctx.user })),
  history: adminProcedure
    .input(ZListInstanceHistorySchema)
    .output(ZAuditPageSchema)
    .query(({ ctx, input }) => listInstanceHistory({ db: ctx.db, admin: ctx.user, input })),
  reads: adminProcedure
    .input(ZListAdminReadsSchema)
    .output(ZAdminReadsSchema)
    .query(({ ctx, input }) => listAdminReads({ db: ctx.db, admin: ctx.user, input })),
});
