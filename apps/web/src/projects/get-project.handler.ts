// project.get: one project as the signed-in member sees it; NOT_FOUND for anyone else.
import type { Db } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";
import type { TGetProject } from "./get-project.schema";
import { requireProjectAccess } from "./project-access";
import { loadProjectView, type TProjectView } from "./project-view";

export function getProject({ db, user, input }: { db: Db; user: TSessionUser; input: TGetProject }): Promise<TProjectView> {
  return db.$transaction(async (tx) => {
    await requireProjectAccess(tx, { userId: user.id, projectId: input.id, need: "read" });
    return loadProjectView(tx, { userId: user.id, projectId: input.id });
  });
}
