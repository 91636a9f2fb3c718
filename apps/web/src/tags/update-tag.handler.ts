// tag.update: renames or recolours a tag of the user. Every task carrying it shows the tag in its
// snapshot, so each gets a new version and a task.updated in the same transaction.
import { updateTag as updateTagRow, type Db } from "@taskboard/db";
import { AppError } from "@/server/app-error";
import type { TSessionUser } from "@/server/session-user";
import type { TTag } from "./tag-fields";
import { assertTagNameFree } from "./tag-names";
import { lockTagForChange, recordTagChangeOnTasks, TAG_CHANGE_TRANSACTION } from "./tag-task-changes";
import type { TUpdateTag } from "./update-tag.schema";

export interface UpdateTagOptions {
  db: Db;
  user: TSessionUser;
  input: TUpdateTag;
}

export function updateTag({ db, user, input }: UpdateTagOptions): Promise<TTag> {
  return db.$transaction(async (tx) => {
    if (input.name !== undefined) {
      await assertTagNameFree(tx, { userId: user.id, name: input.name, exceptId: input.id });
    }
    const { tag, tasks } = await lockTagForChange(tx, { userId: user.id, id: input.id });
    const updated = await updateTagRow(tx, {
      userId: user.id,
      id: input.id,
      data: { name: input.name, color: input.color },
    });
    if (!updated) throw new AppError("NOT_FOUND", "Tag not found");
    // Saving the tag as it is changes no task.
    if (updated.name !== tag.name || updated.color !== tag.color) {
      await recordTagChangeOnTasks(tx, { userId: user.id, tasks, now: new Date() });
    }
    return updated;
  }, TAG_CHANGE_TRANSACTION);
}
