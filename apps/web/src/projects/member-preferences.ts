// A member's own sidebar position and view of a project: any member may set theirs, nobody else's.
// Personal, so no version and no event (nobody else sees it).
import { updateMemberPreferences, type Db, type ProjectView } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";
import { requireProjectAccess } from "./project-access";
import { loadProjectView, type TProjectView } from "./project-view";

export function setMemberPreferences(
  { db, user }: { db: Db; user: TSessionUser },
  params: { projectId: string; position?: number; view?: ProjectView },
): Promise<TProjectView> {
  return db.$transaction(async (tx) => {
    await requireProjectAccess(tx, { userId: user.id, projectId: params.projectId, need: "read" });
    await updateMemberPreferences(tx, { userId: user.id, ...params });
    return loadProjectView(tx, { userId: user.id, projectId: params.projectId });
  });
}
