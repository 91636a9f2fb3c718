// project.reorder: moves the project in the signed-in member's own sidebar (no event).
import type { Db } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";
import { setMemberPreferences } from "./member-preferences";
import type { TProjectView } from "./project-view";
import type { TReorderProject } from "./reorder-project.schema";

export function reorderProject({ db, user, input }: { db: Db; user: TSessionUser; input: TReorderProject }): Promise<TProjectView> {
  return setMemberPreferences({ db, user }, { projectId: input.id, position: input.position });
}
