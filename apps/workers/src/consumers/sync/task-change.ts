// How a task event becomes an entry of its owner's change feed: the browser only needs "this task
// now looks like this" or "this task is gone", with the version to drop stale ones (docs/invariants.md #4).
import type { UserChangeKind } from "@taskboard/db";
import type { TTaskSnapshot } from "@taskboard/events";

export interface TaskChange {
  userId: string;
  kind: Extract<UserChangeKind, "task.upserted" | "task.removed">;
  entityId: string;
  version: number;
  payload: TTaskSnapshot;
}

export function taskChangeOf(type: string, task: TTaskSnapshot): TaskChange {
  // A deleted task keeps its snapshot (deletedAt set) so an undo can restore it in place.
  const kind = type === "task.deleted" || task.deletedAt ? "task.removed" : "task.upserted";
  return { userId: task.userId, kind, entityId: task.id, version: task.version, payload: task };
}
