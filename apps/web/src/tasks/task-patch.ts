// Applies a task.update patch to the current row: fills in the implied changes (switching the
// reminder kind, ending recurrence), checks the rules the merged task must satisfy and returns
// only the columns whose value actually changes. Pure apart from minting a series id.
import { randomUUID } from "node:crypto";
import type { TaskRow, TaskWriteData } from "@taskboard/db";
import { AppError } from "@/server/app-error";
import { findRruleStartProblem } from "./task-fields";
import type { TTaskPatch } from "./update-task.schema";

type TEditable = Required<Omit<TaskWriteData, "status" | "completedAt" | "deletedAt">>;

const toDate = (iso: string | null) => (iso === null ? null : new Date(iso));

function editableOf(row: TaskRow): TEditable {
  return {
    title: row.title,
    description: row.description,
    priority: row.priority,
    dueAt: row.dueAt,
    allDay: row.allDay,
    timeZone: row.timeZone,
    remindAt: row.remindAt,
    remindBeforeMinutes: row.remindBeforeMinutes,
    rrule: row.rrule,
    recurrenceMode: row.recurrenceMode,
    seriesId: row.seriesId,
    seriesStartAt: row.seriesStartAt,
    position: row.position,
    projectId: row.projectId,
    sectionId: row.sectionId,
    assigneeId: row.assigneeId,
  };
}

/** The fields a series' schedule is read from: changing one starts the series again from this task. */
const SCHEDULE_FIELDS = ["rrule", "dueAt", "allDay", "timeZone"] as const;

export function planTaskPatch(current: TaskRow, patch: TTaskPatch): TaskWriteData {
  const before = editableOf(current);
  const next: TEditable = { ...before };
  if (patch.title !== undefined) next.title = patch.title;
  if (patch.description !== undefined) next.description = patch.description;
  if (patch.priority !== undefined) next.priority = patch.priority;
  if (patch.dueAt !== undefined) next.dueAt = toDate(patch.dueAt);
  if (patch.allDay !== undefined) next.allDay = patch.allDay;
  if (patch.timeZone !== undefined) next.timeZone = patch.timeZone;
  if (patch.remindAt !== undefined) next.remindAt = toDate(patch.remindAt);
  if (patch.remindBeforeMinutes !== undefined) next.remindBeforeMinutes = patch.remindBeforeMinutes;
  if (patch.rrule !== undefined) next.rrule = patch.rrule;
  if (patch.recurrenceMode !== undefined) next.recurrenceMode = patch.recurrenceMode;
  if (patch.position !== undefined) next.position = patch.position;
  // Already checked against the project's sections and members (task-placement.ts).
  if (patch.projectId !== undefined) next.projectId = patch.projectId;
  if (patch.sectionId !== undefined) next.sectionId = patch.sectionId;
  if (patch.assigneeId !== undefined) next.assigneeId = patch.assigneeId;

  // Setting one kind of reminder replaces the other kind.
  if (patch.remindAt != null && patch.remindBeforeMinutes === undefined) next.remindBeforeMinutes = null;
  if (patch.remindBeforeMinutes != null && patch.remindAt === undefined) next.remindAt = null;
  // Removing the repeat rule ends the recurrence; the series id stays as history.
  if (patch.rrule === null) next.recurrenceMode = null;
  if (next.rrule !== null && next.recurrenceMode === null) next.recurrenceMode = "FIXED";
  if (next.rrule !== null && next.seriesId === null) next.seriesId = randomUUID();
  if (next.dueAt === null) next.allDay = false;
  const rescheduled = SCHEDULE_FIELDS.some((field) => !sameValue(before[field], next[field]));
  if (next.rrule === null) next.seriesStartAt = null;
  else if (rescheduled || next.seriesStartAt === null) next.seriesStartAt = next.dueAt;

  const fieldErrors: Record<string, string[]> = {};
  if (next.remindBeforeMinutes !== null && next.dueAt === null) {
    fieldErrors.remindBeforeMinutes = ["A reminder before the due time needs a due date: keep the due date or remove the reminder"];
  }
  if (next.rrule !== null && next.dueAt === null) {
    fieldErrors.rrule = ["A repeating task needs a due date: keep the due date or remove the repeat rule"];
  }
  const startProblem = next.rrule !== null && next.dueAt !== null && rescheduled ? findRruleStartProblem(next.rrule, next.dueAt, next.timeZone) : null;
  if (startProblem) fieldErrors.rrule = [startProblem];
  if (next.recurrenceMode !== null && next.rrule === null) {
    fieldErrors.recurrenceMode = ["recurrenceMode only applies with a repeat rule (rrule)"];
  }
  const problems = Object.entries(fieldErrors);
  if (problems.length > 0) {
    const message = problems.map(([field, [text]]) => `${field}: ${text}`).join("; ");
    throw new AppError("BAD_REQUEST", message, fieldErrors);
  }

  const data: TaskWriteData = {};
  for (const key of Object.keys(next) as (keyof TEditable)[]) {
    if (!sameValue(before[key], next[key])) Object.assign(data, { [key]: next[key] });
  }
  return data;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}
