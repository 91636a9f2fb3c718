// section.create: an owner or editor adds a section; section.created in the same transaction.
import { randomUUID } from "node:crypto";
import { insertSection, nextSectionPosition, type Db } from "@taskboard/db";
import { sectionCreated, type TSectionSnapshot } from "@taskboard/events";
import { requireProjectAccess } from "@/projects/project-access";
import { recordProjectEvent } from "@/projects/project-outbox";
import { toSectionSnapshot } from "@/projects/project-snapshots";
import type { TSessionUser } from "@/server/session-user";
import type { TCreateSection } from "./create-section.schema";

export function createSection({ db, user, input }: { db: Db; user: TSessionUser; input: TCreateSection }): Promise<TSectionSnapshot> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const { projectId } = input;
    await requireProjectAccess(tx, { userId: user.id, projectId, need: "write" });
    const position = input.position ?? (await nextSectionPosition(tx, projectId));
    const section = toSectionSnapshot(await insertSection(tx, { id: randomUUID(), projectId, name: input.name, position, now }));
    await recordProjectEvent(tx, sectionCreated, { projectId, actorId: user.id, now, subject: section.id, data: { section } });
    return section;
  });
}
