// Which tasks task.list may look at: one project the user is a member of (archived ones too, since
// they opened it), or all their live, unarchived projects. Asking for a project they are not in is
// NOT_FOUND, like any project they cannot see; a section filter must name a live section of it.
import { findSectionInProject, type TaskListScope, type Tx } from "@taskboard/db";
import { requireProjectAccess } from "@/projects/project-access";
import { AppError } from "@/server/app-error";

export async function resolveTaskListScope(
  tx: Tx,
  params: { userId: string; projectId?: string; sectionId?: string | null },
): Promise<TaskListScope> {
  const { userId, projectId, sectionId } = params;
  if (projectId === undefined) return { allProjects: true };
  await requireProjectAccess(tx, { userId, projectId, need: "read" });
  if (sectionId != null && !(await findSectionInProject(tx, { projectId, sectionId }))) {
    const message = "Section not found in this project (it may have been deleted)";
    throw new AppError("NOT_FOUND", message, { sectionId: [message] });
  }
  return { projectId };
}
