// project.restore: undoes project.delete; writes project.restored. The owner only.
import type { Db } from "@taskboard/db";
import { projectRestored } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import { runProjectTransition } from "./project-transition";
import type { TProjectView } from "./project-view";
import type { TRestoreProject } from "./restore-project.schema";

export function restoreProject(options: { db: Db; user: TSessionUser; input: TRestoreProject }): Promise<TProjectView> {
  return runProjectTransition(options, {
    action: "deleted or restored",
    event: projectRestored,
    eventData: ({ project }) => ({ project }),
    allowDeleted: true,
    isAlreadyDone: (row) => row.deletedAt === null,
    change: () => ({ deletedAt: null }),
  });
}
