// Where a series' next task goes: the completed task's project, section and assignee, as long as
// they still stand. The project is read from the task row when the event predates projects; a
// section deleted meanwhile becomes "No section"; an assignee who left the project is dropped
// (a task is never assigned to someone who cannot see it).
import { findProjectAccess, findSectionInProject, findTaskById, nextTaskPosition, type Tx } from "@taskboard/db";
import type { TTaskSnapshot } from "@taskboard/events";
import type { NextOccurrencePlacement } from "./next-occurrence-task.ts";

export async function placeNextOccurrence(tx: Tx, completed: TTaskSnapshot): Promise<NextOccurrencePlacement | null> {
  const projectId = completed.projectId ?? (await findTaskById(tx, completed.id))?.projectId;
  if (!projectId) return null;
  const sectionId = completed.sectionId ? ((await findSectionInProject(tx, { projectId, sectionId: completed.sectionId }))?.id ?? null) : null;
  const assigneeId = completed.assigneeId && (await findProjectAccess(tx, { userId: completed.assigneeId, projectId })) ? completed.assigneeId : null;
  const position = await nextTaskPosition(tx, { projectId });
  return { projectId, sectionId, assigneeId, position };
}
