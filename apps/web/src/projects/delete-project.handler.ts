// project.delete: soft delete (undo is project.restore); the project and its tasks disappear for
// every member. Writes project.deleted. The owner only; never the Inbox.
import type { Db } from "@taskboard/db";
import { projectDeleted } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import type { TDeleteProject } from "./delete-project.schema";
import { runProjectTransition } from "./project-transition";
import type { TProjectView } from "./project-view";

export function deleteProject(options: { db: Db; user: TSessionUser; input: TDeleteProject }): Promise<TProjectView> {
  return runProjectTransition(options, {
    action: "deleted",
    event: projectDeleted,
    eventData: ({ project }) => ({ project }),
    allowDeleted: true,
    isAlreadyDone: (row) => row.deletedAt !== null,
    change: (now) => ({ deletedAt: now }),
  });
}
