// A project as one member sees it: the snapshot plus their role, their own sidebar position and
// view, and how many members it has. What project.list/get and every project.* mutation return.
import { findProjectForMember, type MemberProjectRow, type Tx } from "@taskboard/db";
import { ZProjectRoleSchema, ZProjectSnapshotSchema, ZProjectViewSchema as ZBoardViewSchema } from "@taskboard/events";
import { z } from "zod";
import { projectNotFound } from "./project-access";
import { toProjectSnapshot } from "./project-snapshots";

export const ZProjectViewSchema = ZProjectSnapshotSchema.extend({
  role: ZProjectRoleSchema,
  position: z.number(),
  view: ZBoardViewSchema,
  memberCount: z.number().int().positive(),
});
export type TProjectView = z.infer<typeof ZProjectViewSchema>;

export function toProjectView(row: MemberProjectRow): TProjectView {
  return { ...toProjectSnapshot(row.project), role: row.role, position: row.position, view: row.view, memberCount: row.memberCount };
}

/** The project as this member sees it now (in the caller's transaction). */
export async function loadProjectView(tx: Tx, params: { userId: string; projectId: string }): Promise<TProjectView> {
  const row = await findProjectForMember(tx, params);
  if (!row) throw projectNotFound();
  return toProjectView(row);
}
