// Where a task goes when it is created or moved: its project, section, assignee and position,
// checked in the caller's transaction. The target project must let the user write (a viewer gets
// FORBIDDEN, a stranger NOT_FOUND); the section must be a live one of that project; the assignee
// must be a member of it. Moving to another project drops a section and an assignee that do not
// belong there (unless the move names new ones) and puts the task at the bottom.
import { findInboxAccess, findProjectAccess, findSectionInProject, nextTaskPosition, type Tx } from "@taskboard/db";
import { AppError } from "@/server/app-error";
import { checkProjectAccess, requireProjectAccess } from "@/projects/project-access";

export interface TTaskPlacement {
  projectId: string;
  sectionId: string | null;
  assigneeId: string | null;
  position: number;
}

export interface TWantedPlacement {
  projectId?: string;
  sectionId?: string | null;
  assigneeId?: string | null;
  position?: number;
}

export async function resolveTaskPlacement(
  tx: Tx,
  params: { userId: string; current?: TTaskPlacement; wanted: TWantedPlacement },
): Promise<TTaskPlacement> {
  const { userId, current, wanted } = params;
  const projectId = wanted.projectId ?? current?.projectId ?? (await writableInboxId(tx, userId));
  const moved = current !== undefined && projectId !== current.projectId;
  // The Inbox path has checked already; a named or changed project is checked here.
  if (moved || wanted.projectId !== undefined) await requireProjectAccess(tx, { userId, projectId, need: "write" });

  let sectionId = wanted.sectionId !== undefined ? wanted.sectionId : moved ? null : (current?.sectionId ?? null);
  if (wanted.sectionId != null && !(await findSectionInProject(tx, { projectId, sectionId: wanted.sectionId }))) {
    throw new AppError("BAD_REQUEST", "That section is not in this project (it may have been deleted).", { sectionId: ["Section not found in this project"] });
  }
  if (sectionId !== null && moved && wanted.sectionId === undefined) sectionId = null;

  let assigneeId = wanted.assigneeId !== undefined ? wanted.assigneeId : (current?.assigneeId ?? null);
  if (assigneeId !== null && !(await findProjectAccess(tx, { userId: assigneeId, projectId }))) {
    if (wanted.assigneeId !== undefined) {
      throw new AppError("BAD_REQUEST", "A task can only be assigned to a member of its project.", { assigneeId: ["Not a member of this project"] });
    }
    assigneeId = null; // moved to a project the assignee is not in
  }

  const position = wanted.position ?? (current && !moved ? current.position : await nextTaskPosition(tx, { projectId }));
  return { projectId, sectionId, assigneeId, position };
}

/** Where a task created without a project goes: the Inbox's id and the right to write there, in one query. */
async function writableInboxId(tx: Tx, userId: string): Promise<string> {
  return checkProjectAccess(await findInboxAccess(tx, userId), "write").projectId;
}
