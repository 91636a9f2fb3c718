// How a task event becomes an entry of a person's change feed: the browser only needs "this task
// now looks like this" or "this task is gone", with the version to drop stale ones (docs/invariants.md #4).
import type { TTaskSnapshot } from "@taskboard/events";

export type TaskChangeKind = "task.upserted" | "task.removed";

export function taskChangeKind(type: string, task: TTaskSnapshot): TaskChangeKind {
  // A deleted task keeps its snapshot (deletedAt set) so an undo can restore it in place.
  return type === "task.deleted" || task.deletedAt ? "task.removed" : "task.upserted";
}
