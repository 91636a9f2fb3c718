// task.get: one task of the user, soft-deleted ones included so undo can show what it restores.
import { findTaskForUser, type Db } from "@taskboard/db";
import type { TTaskSnapshot } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import type { TGetTask } from "./get-task.schema";
import { toTaskSnapshot } from "./task-snapshot";
import { taskNotFound } from "./task-versions";

export interface GetTaskOptions {
  db: Db;
  user: TSessionUser;
  input: TGetTask;
}

export async function getTask({ db, user, input }: GetTaskOptions): Promise<TTaskSnapshot> {
  const row = await findTaskForUser(db, { userId: user.id, id: input.id });
  if (!row) throw taskNotFound();
  return toTaskSnapshot(row);
}
