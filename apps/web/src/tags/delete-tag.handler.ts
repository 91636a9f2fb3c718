// tag.delete: removes the tag and takes it off every task that carried it.
import { deleteTag as deleteTagRow, type Db } from "@taskboard/db";
import { AppError } from "@/server/app-error";
import type { TSessionUser } from "@/server/session-user";
import type { TDeleteTag } from "./delete-tag.schema";

export interface DeleteTagOptions {
  db: Db;
  user: TSessionUser;
  input: TDeleteTag;
}

export async function deleteTag({ db, user, input }: DeleteTagOptions): Promise<{ id: string }> {
  const deleted = await deleteTagRow(db, { userId: user.id, id: input.id });
  if (!deleted) throw new AppError("NOT_FOUND", "Tag not found");
  return { id: input.id };
}
