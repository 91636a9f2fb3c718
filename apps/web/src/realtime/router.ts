// realtime.* procedures: wiring only.
import { createTRPCRouter, protectedProcedure } from "@/trpc/init";
import { issueRealtimeToken } from "./issue-realtime-token.handler";
import { ZRealtimeTokenSchema } from "./issue-realtime-token.schema";
import { listChangesSince } from "./list-changes-since.handler";
import { ZChangesPageSchema, ZListChangesSinceSchema } from "./list-changes-since.schema";
import { realtimeSettings } from "./realtime-settings";

export const realtimeRouter = createTRPCRouter({
  /** A mutation: every call issues a fresh token, nothing to cache. */
  token: protectedProcedure
    .output(ZRealtimeTokenSchema)
    .mutation(async ({ ctx }) => issueRealtimeToken({ user: ctx.user, settings: await realtimeSettings() })),
  changesSince: protectedProcedure
    .input(ZListChangesSinceSchema)
    .output(ZChangesPageSchema)
    .query(({ ctx, input }) => listChangesSince({ db: ctx.db, user: ctx.user, input })),
});
