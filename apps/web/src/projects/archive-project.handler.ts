// project.archive: hides a shared project from the sidebar (its tasks stay readable and writable);
// writes project.updated with changedFields ["archivedAt"]. The owner only; never the Inbox.
import type { Db } from "@taskboard/db";
import { projectUpdated } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import type { TArchiveProject } from "./archive-project.schema";
import { runProjectTransition } from "./project-transition";
import type { TProjectView } from "./project-view";

export function archiveProject(options: { db: Db; user: TSessionUser; input: TArchiveProject }): Promise<TProjectView> {
  return runProjectTransition(options, {
    action: "archived",
    event: projectUpdated,
    eventData: (change) => ({ ...change, changedFields: ["archivedAt"] }),
    isAlreadyDone: (row) => row.archivedAt !== null,
    change: (now) => ({ archivedAt: now }),
  });
}
