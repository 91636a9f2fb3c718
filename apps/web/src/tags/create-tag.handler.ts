// tag.create: a new tag of the user; a name that exists in any case is a CONFLICT.
import { randomUUID } from "node:crypto";
import { insertTag, type Db } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";
import type { TCreateTag } from "./create-tag.schema";
import type { TTag } from "./tag-fields";
import { assertTagNameFree } from "./tag-names";

export interface CreateTagOptions {
  db: Db;
  user: TSessionUser;
  input: TCreateTag;
}

export function createTag({ db, user, input }: CreateTagOptions): Promise<TTag> {
  return db.$transaction(async (tx) => {
    await assertTagNameFree(tx, { userId: user.id, name: input.name });
    return insertTag(tx, { id: randomUUID(), userId: user.id, name: input.name, color: input.color });
  });
}
