// member.myInvitations: what waits for the signed-in user, matched by their (lower-cased) email,
// so an invitation sent before they had an account shows up after they sign up.
import { listPendingInvitationsForEmail, type Db } from "@taskboard/db";
import { toInvitationSnapshot } from "@/projects/project-snapshots";
import type { TSessionUser } from "@/server/session-user";
import type { TMyInvitations } from "./my-invitations.schema";

export async function myInvitations({ db, user }: { db: Db; user: TSessionUser }): Promise<TMyInvitations> {
  const rows = await listPendingInvitationsForEmail(db, user.email.toLowerCase());
  return rows.map(toInvitationSnapshot);
}
