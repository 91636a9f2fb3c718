// The snapshot the API returns and events carry; the row mapping itself lives in packages/db so
// the workers (recurrence) build identical snapshots.
import { taskRowToSnapshot, type TaskRow } from "@taskboard/db";
import { ZTaskSnapshotSchema, type TTaskSnapshot } from "@taskboard/events";

export { ZTaskSnapshotSchema, type TTaskSnapshot };

/** The shared mapper (packages/db), typed as the events' snapshot. */
export function toTaskSnapshot(row: TaskRow): TTaskSnapshot {
  return taskRowToSnapshot(row);
}

/** Snapshot fields whose value differs, in snapshot order (version and timestamps excluded). */
export function changedSnapshotFields(previous: TTaskSnapshot, next: TTaskSnapshot): string[] {
  const ignored = new Set(["version", "updatedAt"]);
  return (Object.keys(next) as (keyof TTaskSnapshot)[]).filter(
    (key) => !ignored.has(key) && JSON.stringify(previous[key]) !== JSON.stringify(next[key]),
  );
}
