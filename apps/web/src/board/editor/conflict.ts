// What the editor does when its save meets a newer version (CONFLICT): say what the other change
// did, in words, and merge three ways so "keep my edits" re-applies only the fields this person
// touched on top of the newer task, instead of writing back the stale values of the others.
import { formatDue } from "../due-dates";
import { describeRecurrence } from "../recurrence-rule";
import { describeReminder } from "../reminder-text";
import { PRIORITY_LABEL, type Task } from "../types";
import type { EditorDraft } from "./editor-draft";

export type TaskChange = { field: string; now: string };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const quoted = (text: string) => `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;

/** The fields that differ between the version the editor opened and the latest, with their new value. */
export function describeTaskChanges(before: Task, after: Task, now: Date, zone: string): TaskChange[] {
  const changes: TaskChange[] = [];
  if (before.status !== after.status) changes.push({ field: "Status", now: after.status === "COMPLETED" ? "Completed" : "Open" });
  if (before.title !== after.title) changes.push({ field: "Title", now: quoted(after.title) });
  if (before.description !== after.description) {
    changes.push({ field: "Description", now: after.description.trim() ? quoted(after.description.trim()) : "empty" });
  }
  if (before.priority !== after.priority) changes.push({ field: "Priority", now: PRIORITY_LABEL[after.priority] });
  if (before.dueAt !== after.dueAt || before.allDay !== after.allDay || before.timeZone !== after.timeZone) {
    changes.push({ field: "Due", now: formatDue(after, now, zone) ?? "no date" });
  }
  if (before.remindAt !== after.remindAt || before.remindBeforeMinutes !== after.remindBeforeMinutes) {
    changes.push({ field: "Reminder", now: describeReminder(after, zone) ?? "none" });
  }
  if (before.rrule !== after.rrule || before.recurrenceMode !== after.recurrenceMode) {
    changes.push({ field: "Repeat", now: describeRecurrence(after.rrule) ?? "does not repeat" });
  }
  if (before.projectId !== after.projectId || (before.sectionId ?? null) !== (after.sectionId ?? null)) {
    changes.push({ field: "Place", now: before.projectId !== after.projectId ? "moved to another project" : "moved to another section" });
  }
  if ((before.assigneeId ?? null) !== (after.assigneeId ?? null)) {
    changes.push({ field: "Assignee", now: after.assigneeId ? "assigned to someone else" : "nobody" });
  }
  const tagNames = (t: Task) => t.tags.map((tag) => tag.name).sort();
  if (!same(tagNames(before), tagNames(after))) {
    changes.push({ field: "Tags", now: after.tags.length ? after.tags.map((t) => t.name).join(", ") : "none" });
  }
  return changes;
}

/**
 * Three-way merge of form states: each field this person changed since `ancestor` (the form as
 * it was loaded) keeps their value; every other field takes `theirs` (the latest task).
 */
export function mergeDrafts(ancestor: EditorDraft, mine: EditorDraft, theirs: EditorDraft): EditorDraft {
  const merged = { ...theirs };
  for (const key of Object.keys(mine) as (keyof EditorDraft)[]) {
    if (!same(mine[key], ancestor[key])) (merged as Record<string, unknown>)[key] = mine[key];
  }
  return merged;
}
