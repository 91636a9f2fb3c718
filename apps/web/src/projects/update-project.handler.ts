// project.update: renames or recolours a shared project (the owner; never the Inbox) with an
// optimistic version check; project.updated with the changed fields. A patch that changes nothing
// returns the project as it is: no new version, no event.
import type { Db, ProjectWriteData } from "@taskboard/db";
import { projectUpdated } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import { loadProjectForChange, writeProjectAtVersion } from "./project-changes";
import { recordProjectEvent } from "./project-outbox";
import { changedFields, effectivePatch } from "./project-snapshots";
import { loadProjectView, type TProjectView } from "./project-view";
import type { TUpdateProject } from "./update-project.schema";

export function updateProject({ db, user, input }: { db: Db; user: TSessionUser; input: TUpdateProject }): Promise<TProjectView> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const current = await loadProjectForChange(tx, {
      userId: user.id,
      projectId: input.id,
      action: "renamed or recoloured",
      expectedVersion: input.expectedVersion,
    });
    const data: ProjectWriteData = effectivePatch(current, input.patch);
    if (Object.keys(data).length > 0) {
      const change = await writeProjectAtVersion(tx, { current, data, now });
      await recordProjectEvent(tx, projectUpdated, {
        projectId: current.id,
        actorId: user.id,
        now,
        subject: current.id,
        data: { ...change, changedFields: changedFields(change.previous, change.project) },
      });
    }
    return loadProjectView(tx, { userId: user.id, projectId: current.id });
  });
}
