// Procedures for instance administrators only (ADMIN_EMAILS). Anyone else signed in gets FORBIDDEN
// "Administrators only": the administration page is a documented feature, so refusing it openly
// leaks nothing, and the message tells a confused user why (docs/administration.md).
import { TRPCError } from "@trpc/server";
import { protectedProcedure } from "@/trpc/init";
import { isInstanceAdmin } from "./admin-emails";
import { adminEmails } from "./admin-settings";

export const ADMINS_ONLY = "Administrators only";

export const adminProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  if (!isInstanceAdmin(ctx.user.email, await adminEmails())) throw new TRPCError({ code: "FORBIDDEN", message: ADMINS_ONLY });
  return next();
});
