// task.restore: brings a soft-deleted task back; writes task.restored in the same transaction. Repeating it is a no-op.
import type { Db } from "@taskboard/db";
import { taskRestored, type TTaskSnapshot } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import type { TRestoreTask } from "./restore-task.schema";
import { runTaskTransition } from "./task-transition";

export interface RestoreTaskOptions {
  db: Db;
  user: TSessionUser;
  input: TRestoreTask;
}

export function restoreTask(options: RestoreTaskOptions): Promise<TTaskSnapshot> {
  return runTaskTransition(options, {
    event: taskRestored,
    allowDeleted: true,
    isAlreadyDone: (row) => row.deletedAt === null,
    change: () => ({ deletedAt: null }),
  });
}
