// tag.delete: removes the tag and takes it off every task that carried it; each of those tasks
// gets a new version and a task.updated in the same transaction.
import { deleteTag as deleteTagRow, type Db } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";
import type { TDeleteTag } from "./delete-tag.schema";
import { lockTagForChange, recordTagChangeOnTasks, TAG_CHANGE_TRANSACTION } from "./tag-task-changes";

export interface DeleteTagOptions {
  db: Db;
  user: TSessionUser;
  input: TDeleteTag;
}

export function deleteTag({ db, user, input }: DeleteTagOptions): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const { tasks } = await lockTagForChange(tx, { userId: user.id, id: input.id });
    await deleteTagRow(tx, { userId: user.id, id: input.id });
    await recordTagChangeOnTasks(tx, { userId: user.id, tasks, now: new Date() });
    return { id: input.id };
  }, TAG_CHANGE_TRANSACTION);
}
