// The editor's form state and its translation to and from the API's task fields. Pure, so the
// rules (all-day dates, reminders relative to due, only-changed-fields patches) are testable.
import { isoToZonedParts, zonedToIso } from "../due-dates";
import { buildRruleFromDraft, draftFromRrule, EMPTY_RECURRENCE, type RecurrenceDraft } from "../recurrence-rule";
import type { Priority, RecurrenceMode, Task } from "../types";
import type { CreateTaskInput, TaskPatch } from "../use-task-actions";

export type ReminderUnit = "minutes" | "hours" | "days";
const UNIT_MINUTES: Record<ReminderUnit, number> = { minutes: 1, hours: 60, days: 1440 };

export type EditorDraft = {
  title: string;
  description: string;
  priority: Priority;
  hasDue: boolean;
  dueDay: string;
  dueTime: string;
  allDay: boolean;
  timeZone: string;
  reminder: "none" | "at" | "before";
  remindDay: string;
  remindTime: string;
  beforeAmount: number;
  beforeUnit: ReminderUnit;
  tagIds: string[];
  recurrence: RecurrenceDraft;
  recurrenceMode: RecurrenceMode;
  /** Where the task lives: "" is the Inbox (new task), no section, nobody. */
  projectId: string;
  sectionId: string;
  assigneeId: string;
};

type DraftSource = Pick<Task, "title" | "description" | "priority" | "dueAt" | "allDay" | "timeZone" | "remindAt" | "remindBeforeMinutes" | "rrule" | "recurrenceMode"> &
  Partial<Pick<Task, "projectId" | "sectionId" | "assigneeId">> & { tagIds: string[] };

export function draftFromTask(task: DraftSource, fallbackZone: string): EditorDraft {
  const zone = task.timeZone || fallbackZone;
  const due = task.dueAt ? isoToZonedParts(task.dueAt, zone) : null;
  const remind = task.remindAt ? isoToZonedParts(task.remindAt, zone) : null;
  const before = task.remindBeforeMinutes;
  const unit: ReminderUnit = before && before % 1440 === 0 ? "days" : before && before % 60 === 0 ? "hours" : "minutes";
  return {
    title: task.title,
    description: task.description,
    priority: task.priority,
    hasDue: Boolean(due),
    dueDay: due?.day ?? "",
    dueTime: due && !task.allDay ? due.time : "09:00",
    allDay: due ? task.allDay : true,
    timeZone: zone,
    reminder: before !== null && before !== undefined ? "before" : remind ? "at" : "none",
    remindDay: remind?.day ?? due?.day ?? "",
    remindTime: remind?.time ?? "09:00",
    beforeAmount: before !== null && before !== undefined ? before / UNIT_MINUTES[unit] : 30,
    beforeUnit: before !== null && before !== undefined ? unit : "minutes",
    tagIds: task.tagIds,
    recurrence: task.rrule ? draftFromRrule(task.rrule) : EMPTY_RECURRENCE,
    recurrenceMode: task.recurrenceMode ?? "FIXED",
    projectId: task.projectId ?? "",
    sectionId: task.sectionId ?? "",
    assigneeId: task.assigneeId ?? "",
  };
}

export function draftFromCreateInput(input: CreateTaskInput, tagIds: string[], zone: string): EditorDraft {
  return draftFromTask(
    {
      title: input.title,
      description: input.description ?? "",
      priority: input.priority ?? "NONE",
      dueAt: input.dueAt ?? null,
      allDay: input.allDay ?? false,
      timeZone: input.timeZone ?? zone,
      remindAt: input.remindAt ?? null,
      remindBeforeMinutes: input.remindBeforeMinutes ?? null,
      rrule: input.rrule ?? null,
      recurrenceMode: input.recurrenceMode ?? null,
      projectId: input.projectId,
      sectionId: input.sectionId ?? null,
      assigneeId: input.assigneeId ?? null,
      tagIds,
    },
    zone,
  );
}

/** Every field, except the project when the form has none (a new task then goes to the Inbox). */
export type DraftFields = Required<Omit<CreateTaskInput, "tagNames" | "projectId">> & { projectId?: string };

/** Form → API fields. Throws an Error("recurrence: …") when the custom repeat is invalid. */
export function fieldsFromDraft(d: EditorDraft): DraftFields {
  const dueAt = d.hasDue && d.dueDay ? zonedToIso(d.dueDay, d.allDay ? null : d.dueTime || "09:00", d.timeZone) : null;
  let rrule: string | null;
  try {
    rrule = buildRruleFromDraft(d.recurrence);
  } catch (error) {
    throw new FieldError("rrule", error instanceof Error ? error.message : "This repeat rule is not supported");
  }
  return {
    title: d.title,
    description: d.description,
    priority: d.priority,
    dueAt,
    allDay: dueAt ? d.allDay : false,
    timeZone: d.timeZone,
    remindAt: d.reminder === "at" && d.remindDay ? zonedToIso(d.remindDay, d.remindTime || "09:00", d.timeZone) : null,
    remindBeforeMinutes: d.reminder === "before" ? Math.round(d.beforeAmount * UNIT_MINUTES[d.beforeUnit]) : null,
    rrule,
    recurrenceMode: rrule ? d.recurrenceMode : null,
    tagIds: d.tagIds,
    ...(d.projectId ? { projectId: d.projectId } : {}),
    sectionId: d.sectionId || null,
    assigneeId: d.assigneeId || null,
  };
}

export class FieldError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** Only the fields that differ from the task, so a save never overwrites what it did not touch. */
export function patchFromDraft(task: Task, fields: DraftFields): TaskPatch {
  const patch: TaskPatch = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const current: DraftFields = {
    title: task.title,
    description: task.description,
    priority: task.priority,
    dueAt: task.dueAt,
    allDay: task.allDay,
    timeZone: task.timeZone,
    remindAt: task.remindAt,
    remindBeforeMinutes: task.remindBeforeMinutes,
    rrule: task.rrule,
    recurrenceMode: task.recurrenceMode,
    tagIds: task.tags.map((t) => t.id),
    ...(task.projectId ? { projectId: task.projectId } : {}),
    sectionId: task.sectionId ?? null,
    assigneeId: task.assigneeId ?? null,
  };
  for (const key of Object.keys(fields) as (keyof DraftFields)[]) {
    const next = fields[key];
    const prev = current[key];
    const equal =
      key === "tagIds"
        ? same([...(next as string[])].sort(), [...(prev as string[])].sort())
        : key === "dueAt" || key === "remindAt"
          ? (next === null ? null : new Date(next as string).getTime()) === (prev === null ? null : new Date(prev as string).getTime())
          : same(next, prev);
    if (!equal) (patch as Record<string, unknown>)[key] = next;
  }
  return patch;
}
