// tag.update: renames or recolours a tag of the user. Tasks pick the new name up in their next
// snapshot; tag changes alone emit no task events.
import { updateTag as updateTagRow, type Db } from "@taskboard/db";
import { AppError } from "@/server/app-error";
import type { TSessionUser } from "@/server/session-user";
import type { TTag } from "./tag-fields";
import { assertTagNameFree } from "./tag-names";
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
    const updated = await updateTagRow(tx, {
      userId: user.id,
      id: input.id,
      data: { name: input.name, color: input.color },
    });
    if (!updated) throw new AppError("NOT_FOUND", "Tag not found");
    return updated;
  });
}
