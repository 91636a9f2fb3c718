// project.setView: the signed-in member's own list/kanban choice for the project (no event).
import type { Db } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";
import { setMemberPreferences } from "./member-preferences";
import type { TProjectView } from "./project-view";
import type { TSetProjectView } from "./set-project-view.schema";

export function setProjectView({ db, user, input }: { db: Db; user: TSessionUser; input: TSetProjectView }): Promise<TProjectView> {
  return setMemberPreferences({ db, user }, { projectId: input.id, view: input.view });
}
