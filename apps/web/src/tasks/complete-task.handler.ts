// task.complete: marks the task completed (the recurrence consumer creates the next occurrence from task.completed); writes task.completed in the same transaction. Repeating it is a no-op.
import type { Db } from "@taskboard/db";
import { taskCompleted, type TTaskSnapshot } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import type { TCompleteTask } from "./complete-task.schema";
import { runTaskTransition } from "./task-transition";

export interface CompleteTaskOptions {
  db: Db;
  user: TSessionUser;
  input: TCompleteTask;
}

export function completeTask(options: CompleteTaskOptions): Promise<TTaskSnapshot> {
  return runTaskTransition(options, {
    event: taskCompleted,
    allowDeleted: false,
    isAlreadyDone: (row) => row.status === "COMPLETED",
    change: (now) => ({ status: "COMPLETED", completedAt: now }),
  });
}
