// task.reorder: a position-only update (same version check, a task.updated event with
// changedFields ["position"]).
import type { Db } from "@taskboard/db";
import type { TTaskSnapshot } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import type { TReorderTask } from "./reorder-task.schema";
import { updateTask } from "./update-task.handler";

export interface ReorderTaskOptions {
  db: Db;
  user: TSessionUser;
  input: TReorderTask;
}

export function reorderTask({ db, user, input }: ReorderTaskOptions): Promise<TTaskSnapshot> {
  return updateTask({
    db,
    user,
    input: { id: input.id, expectedVersion: input.expectedVersion, patch: { position: input.position } },
  });
}
