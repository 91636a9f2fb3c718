// archive / unarchive / delete / restore share one shape: the owner changes one lifecycle field of
// a shared project, with one event. Repeating it (already archived, already deleted...) changes
// nothing and writes no event, so a double click or a retried request is harmless.
import type { Db, ProjectRow, ProjectWriteData } from "@taskboard/db";
import type { EventData, EventDefinition, TProjectSnapshot } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import { loadProjectForChange, writeProjectAtVersion } from "./project-changes";
import type { TProjectRef } from "./project-fields";
import { recordProjectEvent } from "./project-outbox";
import { loadProjectView, type TProjectView } from "./project-view";

export interface TProjectTransition<TDef extends EventDefinition> {
  /** Completes "The Inbox is personal: it cannot be ...". */
  action: string;
  event: TDef;
  eventData: (change: { previous: TProjectSnapshot; project: TProjectSnapshot }) => EventData<TDef>;
  /** Whether a deleted project can be the subject (delete repeated, restore). */
  allowDeleted?: boolean;
  isAlreadyDone: (row: ProjectRow) => boolean;
  change: (now: Date) => ProjectWriteData;
}

export function runProjectTransition<TDef extends EventDefinition>(
  { db, user, input }: { db: Db; user: TSessionUser; input: TProjectRef },
  transition: TProjectTransition<TDef>,
): Promise<TProjectView> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const current = await loadProjectForChange(tx, {
      userId: user.id,
      projectId: input.id,
      action: transition.action,
      allowDeleted: transition.allowDeleted,
    });
    if (!transition.isAlreadyDone(current)) {
      const change = await writeProjectAtVersion(tx, { current, data: transition.change(now), now });
      await recordProjectEvent(tx, transition.event, {
        projectId: current.id,
        actorId: user.id,
        now,
        subject: current.id,
        data: transition.eventData(change),
      });
    }
    return loadProjectView(tx, { userId: user.id, projectId: current.id });
  });
}
