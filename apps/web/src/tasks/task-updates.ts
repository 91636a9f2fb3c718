// task.updated for tasks changed in the caller's transaction: the snapshot before, the snapshot
// after and the fields that differ. task.update writes one; a tag rename or delete, one per task
// carrying the tag.
import type { TaskRow, Tx } from "@taskboard/db";
import { taskUpdated, type TTaskSnapshot } from "@taskboard/events";
import { recordTaskEvents } from "./task-outbox";
import { changedSnapshotFields, toTaskSnapshot } from "./task-snapshot";

export interface TaskRowChange {
  before: TaskRow;
  after: TaskRow;
}

function taskUpdatedOf({ before, after }: TaskRowChange) {
  const previous = toTaskSnapshot(before);
  const task = toTaskSnapshot(after);
  return { taskId: task.id, data: { previous, task, changedFields: changedSnapshotFields(previous, task) } };
}

/** Writes the event and returns the new snapshot. */
export async function recordTaskUpdate(tx: Tx, params: TaskRowChange & { actorId: string; now: Date }): Promise<TTaskSnapshot> {
  const event = taskUpdatedOf(params);
  await recordTaskEvents(tx, taskUpdated, { actorId: params.actorId, now: params.now, events: [event] });
  return event.data.task;
}

/** Tasks one person's change touched, in one insert. */
export async function recordTaskUpdates(
  tx: Tx,
  params: { actorId: string; changes: readonly TaskRowChange[]; now: Date },
): Promise<void> {
  await recordTaskEvents(tx, taskUpdated, { actorId: params.actorId, now: params.now, events: params.changes.map(taskUpdatedOf) });
}
