// tag.list: the user's tags sorted by name (ignoring case), with task counts.
import { listTagsWithCounts, type Db } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";
import type { TTagWithCounts } from "./list-tags.schema";

export interface ListTagsOptions {
  db: Db;
  user: TSessionUser;
}

export function listTags({ db, user }: ListTagsOptions): Promise<TTagWithCounts[]> {
  return listTagsWithCounts(db, { userId: user.id });
}
