// task.get: one task of a project the user is a member of (any role), soft-deleted ones included
// so undo can show what it restores.
import type { Db } from "@taskboard/db";
import type { TTaskSnapshot } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import type { TGetTask } from "./get-task.schema";
import { toTaskSnapshot } from "./task-snapshot";
import { loadVisibleTask } from "./task-versions";

export interface GetTaskOptions {
  db: Db;
  user: TSessionUser;
  input: TGetTask;
}

export async function getTask({ db, user, input }: GetTaskOptions): Promise<TTaskSnapshot> {
  const { row } = await loadVisibleTask(db, { userId: user.id, id: input.id });
  return toTaskSnapshot(row);
}
