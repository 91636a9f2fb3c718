// project.create: a new shared project with its creator as OWNER, at the bottom of their sidebar;
// project.created in the same transaction.
import { randomUUID } from "node:crypto";
import { insertProject, nextProjectPosition, type Db } from "@taskboard/db";
import { projectCreated } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import type { TCreateProject } from "./create-project.schema";
import { recordProjectEvent } from "./project-outbox";
import { toProjectSnapshot } from "./project-snapshots";
import { loadProjectView, type TProjectView } from "./project-view";

export function createProject({ db, user, input }: { db: Db; user: TSessionUser; input: TCreateProject }): Promise<TProjectView> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const id = randomUUID();
    const position = await nextProjectPosition(tx, user.id);
    const row = await insertProject(tx, { id, ownerId: user.id, name: input.name, color: input.color, position, now });
    await recordProjectEvent(tx, projectCreated, { projectId: id, actorId: user.id, now, subject: id, data: { project: toProjectSnapshot(row) } });
    return loadProjectView(tx, { userId: user.id, projectId: id });
  });
}
