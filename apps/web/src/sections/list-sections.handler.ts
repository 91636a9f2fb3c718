// section.list: any member reads a project's sections.
import { listSections as listSectionRows, type Db } from "@taskboard/db";
import { requireProjectAccess } from "@/projects/project-access";
import { toSectionSnapshot } from "@/projects/project-snapshots";
import type { TSessionUser } from "@/server/session-user";
import type { TListSections, TSectionList } from "./list-sections.schema";

export function listSections({ db, user, input }: { db: Db; user: TSessionUser; input: TListSections }): Promise<TSectionList> {
  return db.$transaction(async (tx) => {
    await requireProjectAccess(tx, { userId: user.id, projectId: input.projectId, need: "read" });
    return (await listSectionRows(tx, input.projectId)).map(toSectionSnapshot);
  });
}
