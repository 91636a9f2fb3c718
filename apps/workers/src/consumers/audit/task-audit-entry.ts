// A task event as an audit entry: its snapshot, the snapshot before it and what changed.
// task.updated carries its "before"; the transitions (completed, deleted, ...) do not, so their
// "before" is the newest snapshot the trail already holds for the task (events of one user arrive
// in order, docs/invariants.md #4). task.next-occurrence-kept changes no task: it restates the
// reopened one, with nothing changed.
import { findLatestAuditSnapshot, type AuditEntryInput, type Tx } from "@taskboard/db";
import { taskNextOccurrenceKept, ZTaskSnapshotSchema, type TCloudEvent, type TTaskSnapshot } from "@taskboard/events";
import { entryEnvelope } from "./entry-envelope.ts";
import { snapshotDiff } from "./snapshot-diff.ts";

type TaskEvent = TCloudEvent<string, { task: TTaskSnapshot; previous?: TTaskSnapshot }>;

export async function taskAuditEntry(tx: Tx, event: TaskEvent): Promise<AuditEntryInput> {
  const { task } = event.data;
  let previous: TTaskSnapshot | null = event.data.previous ?? (event.type === taskNextOccurrenceKept.type ? task : null);
  if (!previous && event.type !== "task.created") {
    const stored = await findLatestAuditSnapshot(tx, { userId: event.partitionkey, taskId: task.id, beforeVersion: task.version });
    const parsed = ZTaskSnapshotSchema.safeParse(stored);
    previous = parsed.success ? parsed.data : null;
  }
  return {
    ...entryEnvelope(event),
    taskId: task.id,
    // Events before projects carry none; the migration backfilled older entries from the task row.
    projectId: task.projectId ?? null,
    version: task.version,
    previous,
    snapshot: task,
    diff: snapshotDiff(previous, task),
  };
}
