// ADMIN_EMAILS: who is an instance administrator (docs/administration.md). A comma-separated list
// of addresses, compared case-insensitively with the signed-in user's email; unset or empty = no
// administrator. An entry that is not an address stops the app with a message naming it, rather
// than silently making nobody (or the wrong person) an administrator.
import { z } from "zod";
import { commaList } from "@/server/comma-list";

const ZEmail = z.email();

export const ZAdminEmails = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const entries = commaList((value ?? "").toLowerCase());
    for (const entry of entries) {
      if (!ZEmail.safeParse(entry).success) {
        ctx.addIssue({ code: "custom", message: `"${entry}" is not an email address; a comma-separated list of addresses is expected` });
      }
    }
    return entries;
  });

export function isInstanceAdmin(email: string, adminEmails: readonly string[]): boolean {
  return adminEmails.includes(email.trim().toLowerCase());
}
