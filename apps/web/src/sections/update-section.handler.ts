// section.update: renames or moves a section with an optimistic version check; section.updated
// with the changed fields. A patch that changes nothing returns the section as it is (no event).
import type { Db } from "@taskboard/db";
import { sectionUpdated, type TSectionSnapshot } from "@taskboard/events";
import { recordProjectEvent } from "@/projects/project-outbox";
import { changedFields, effectivePatch, toSectionSnapshot } from "@/projects/project-snapshots";
import type { TSessionUser } from "@/server/session-user";
import { loadSectionForChange, writeSectionAtVersion } from "./section-changes";
import type { TUpdateSection } from "./update-section.schema";

export function updateSection({ db, user, input }: { db: Db; user: TSessionUser; input: TUpdateSection }): Promise<TSectionSnapshot> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const current = await loadSectionForChange(tx, { userId: user.id, id: input.id, expectedVersion: input.expectedVersion });
    const data = effectivePatch(current, input.patch);
    if (Object.keys(data).length === 0) return toSectionSnapshot(current);
    const change = await writeSectionAtVersion(tx, { current, data, now });
    await recordProjectEvent(tx, sectionUpdated, {
      projectId: current.projectId,
      actorId: user.id,
      now,
      subject: current.id,
      data: { ...change, changedFields: changedFields(change.previous, change.section) },
    });
    return change.section;
  });
}
