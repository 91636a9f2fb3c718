// project.unarchive: brings an archived project back to the sidebar; project.updated with
// changedFields ["archivedAt"]. The owner only.
import type { Db } from "@taskboard/db";
import { projectUpdated } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import { runProjectTransition } from "./project-transition";
import type { TProjectView } from "./project-view";
import type { TUnarchiveProject } from "./unarchive-project.schema";

export function unarchiveProject(options: { db: Db; user: TSessionUser; input: TUnarchiveProject }): Promise<TProjectView> {
  return runProjectTransition(options, {
    action: "archived or unarchived",
    event: projectUpdated,
    eventData: (change) => ({ ...change, changedFields: ["archivedAt"] }),
    isAlreadyDone: (row) => row.archivedAt === null,
    change: () => ({ archivedAt: null }),
  });
}
