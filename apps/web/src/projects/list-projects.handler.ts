// project.list: every project the user is a member of, archived ones included (the sidebar folds
// them away), deleted ones not.
import { listProjectsForMember, type Db } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";
import type { TProjectList } from "./list-projects.schema";
import { toProjectView } from "./project-view";

export async function listProjects({ db, user }: { db: Db; user: TSessionUser }): Promise<TProjectList> {
  const rows = await listProjectsForMember(db, user.id);
  return { projects: rows.map(toProjectView) };
}
