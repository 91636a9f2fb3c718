// section.delete: an owner or editor deletes a section (soft). Its live tasks are first moved to
// another section of the project or to "No section" (task.updated each), or deleted (task.deleted
// each); then section.deleted says which. All in one transaction.
import { findSectionInProject, listLiveSectionTasks, type Db } from "@taskboard/db";
import { sectionDeleted, type TSectionSnapshot } from "@taskboard/events";
import { recordProjectEvent } from "@/projects/project-outbox";
import { deleteTasksWithEvents, updateTasksWithEvents } from "@/projects/project-task-changes";
import { AppError } from "@/server/app-error";
import type { TSessionUser } from "@/server/session-user";
import type { TDeleteSection } from "./delete-section.schema";
import { loadSectionForChange, writeSectionAtVersion } from "./section-changes";

export function deleteSection({ db, user, input }: { db: Db; user: TSessionUser; input: TDeleteSection }): Promise<TSectionSnapshot> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const current = await loadSectionForChange(tx, { userId: user.id, id: input.id });
    const fate = input.tasks;
    if (fate.action === "moved" && fate.toSectionId !== null) {
      const target = fate.toSectionId === current.id ? null : await findSectionInProject(tx, { projectId: current.projectId, sectionId: fate.toSectionId });
      if (!target) {
        throw new AppError("BAD_REQUEST", "Move the tasks to another section of this project (or to no section).", { toSectionId: ["Not another section of this project"] });
      }
    }
    const tasks = await listLiveSectionTasks(tx, current.id);
    if (fate.action === "moved") {
      await updateTasksWithEvents(tx, { tasks, data: { sectionId: fate.toSectionId }, actorId: user.id, now });
    } else {
      await deleteTasksWithEvents(tx, { tasks, actorId: user.id, now });
    }
    const { section } = await writeSectionAtVersion(tx, { current, data: { deletedAt: now }, now });
    await recordProjectEvent(tx, sectionDeleted, { projectId: current.projectId, actorId: user.id, now, subject: current.id, data: { section, tasks: fate } });
    return section;
  });
}
