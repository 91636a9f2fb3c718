// task.reopen: marks a completed task open again; writes task.reopened in the same transaction. Repeating it is a no-op.
import type { Db } from "@taskboard/db";
import { taskReopened, type TTaskSnapshot } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import type { TReopenTask } from "./reopen-task.schema";
import { runTaskTransition } from "./task-transition";

export interface ReopenTaskOptions {
  db: Db;
  user: TSessionUser;
  input: TReopenTask;
}

export function reopenTask(options: ReopenTaskOptions): Promise<TTaskSnapshot> {
  return runTaskTransition(options, {
    event: taskReopened,
    allowDeleted: false,
    isAlreadyDone: (row) => row.status === "OPEN",
    change: () => ({ status: "OPEN", completedAt: null }),
  });
}
