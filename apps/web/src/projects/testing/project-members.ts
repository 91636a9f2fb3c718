// Test helper: a member joins a project the way a person does, by the owner's invitation and their
// acceptance (so tests exercise the real path, not a row inserted behind the API's back).
import type { Db } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";
import { callerFor } from "@/server/testing/test-database";

export async function addMember(
  db: Db,
  params: { owner: TSessionUser; projectId: string; member: TSessionUser; role: "EDITOR" | "VIEWER" },
): Promise<void> {
  const invitation = await callerFor(db, params.owner).member.invite({ projectId: params.projectId, email: params.member.email, role: params.role });
  await callerFor(db, params.member).member.acceptInvitation({ invitationId: invitation.id });
}
