// The one mapping from a task row to the snapshot events carry and the API returns, shared by the
// web app and the workers (the recurrence consumer writes task.created events too). Structurally
// the events package's TTaskSnapshot; this package does not import the events package.
import type { TaskRow } from "./tasks.ts";

export interface TaskSnapshotRecord {
  id: string;
  userId: string;
  title: string;
  description: string;
  status: TaskRow["status"];
  priority: TaskRow["priority"];
  dueAt: string | null;
  allDay: boolean;
  timeZone: string;
  remindAt: string | null;
  remindBeforeMinutes: number | null;
  rrule: string | null;
  recurrenceMode: TaskRow["recurrenceMode"];
  seriesId: string | null;
  seriesStartAt: string | null;
  projectId: string;
  sectionId: string | null;
  assigneeId: string | null;
  position: number;
  version: number;
  tags: { id: string; name: string; color: string }[];
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  deletedAt: string | null;
}

export function taskRowToSnapshot(row: TaskRow): TaskSnapshotRecord {
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
    seriesStartAt: row.seriesStartAt?.toISOString() ?? null,
    projectId: row.projectId,
    sectionId: row.sectionId,
    assigneeId: row.assigneeId,
    position: row.position,
    version: row.version,
    tags: row.tags.map(({ tag }) => ({ id: tag.id, name: tag.name, color: tag.color })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}
