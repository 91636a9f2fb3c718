// task.delete: soft-deletes the task (sets deletedAt) so undo can restore it; writes task.deleted in the same transaction. Repeating it is a no-op.
import type { Db } from "@taskboard/db";
import { taskDeleted, type TTaskSnapshot } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import type { TDeleteTask } from "./delete-task.schema";
import { runTaskTransition } from "./task-transition";

export interface DeleteTaskOptions {
  db: Db;
  user: TSessionUser;
  input: TDeleteTask;
}

export function deleteTask(options: DeleteTaskOptions): Promise<TTaskSnapshot> {
  return runTaskTransition(options, {
    event: taskDeleted,
    allowDeleted: true,
    isAlreadyDone: (row) => row.deletedAt !== null,
    change: (now) => ({ deletedAt: now }),
  });
}
