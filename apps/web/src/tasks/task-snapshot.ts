// The one mapping from a task row to the snapshot the API returns and events carry.
import type { TaskRow } from "@taskboard/db";
import { ZTaskSnapshotSchema, type TTaskSnapshot } from "@taskboard/events";

export { ZTaskSnapshotSchema, type TTaskSnapshot };

export function toTaskSnapshot(row: TaskRow): TTaskSnapshot {
  return {
    id: row.id,
    userId: row.userId,
    title: row.title,
    description: row.description,
    status: row.status,
    priority: row.priority,
    dueAt: row.dueAt?.toISOString() ?? null,
    allDay: row.allDay,
    timeZone: row.timeZone,
    remindAt: row.remindAt?.toISOString() ?? null,
    remindBeforeMinutes: row.remindBeforeMinutes,
    rrule: row.rrule,
    recurrenceMode: row.recurrenceMode,
    seriesId: row.seriesId,
    position: row.position,
    version: row.version,
    tags: row.tags.map(({ tag }) => ({ id: tag.id, name: tag.name, color: tag.color })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

/** Snapshot fields whose value differs, in snapshot order (version and timestamps excluded). */
export function changedSnapshotFields(previous: TTaskSnapshot, next: TTaskSnapshot): string[] {
  const ignored = new Set(["version", "updatedAt"]);
  return (Object.keys(next) as (keyof TTaskSnapshot)[]).filter(
    (key) => !ignored.has(key) && JSON.stringify(previous[key]) !== JSON.stringify(next[key]),
  );
}
