// Audit entries in words: "Priority: medium → high", "Due: Mon 9:00 → Tue 9:00", "Completed".
// Pure, so the page, the editor's history and the tests all say the same thing.
import { describeRrule } from "@taskboard/recurrence";
import type { TAuditEntry } from "./list-audit-entries.schema";

type DiffLike = { field: string; before?: unknown; after?: unknown };

const FIELD_LABEL: Record<string, string> = {
  title: "Title",
  description: "Description",
  status: "Status",
  priority: "Priority",
  dueAt: "Due",
  allDay: "All day",
  timeZone: "Time zone",
  remindAt: "Reminder",
  remindBeforeMinutes: "Remind before",
  rrule: "Repeats",
  recurrenceMode: "Repeat from",
  seriesId: "Series",
  position: "Position",
  tags: "Tags",
  completedAt: "Completed at",
  deletedAt: "Deleted at",
  reminder: "Reminder",
};

const INSTANT_FIELDS = new Set(["dueAt", "remindAt", "completedAt", "deletedAt", "reminder"]);
/** Changes every such event makes as a side effect of its headline; saying them adds nothing. */
const IMPLIED_BY_TYPE: Record<string, string[]> = {
  "task.completed": ["status", "completedAt"],
  "task.reopened": ["status", "completedAt"],
  "task.deleted": ["deletedAt"],
  "task.restored": ["deletedAt"],
};

export const EVENT_HEADLINE: Record<string, string> = {
  "task.created": "Created",
  "task.updated": "Edited",
  "task.completed": "Completed",
  "task.reopened": "Reopened",
  "task.deleted": "Deleted",
  "task.restored": "Restored",
  "reminder.scheduled": "Reminder set",
  "reminder.cancelled": "Reminder cancelled",
  "reminder.fired": "Reminder sent",
};

export interface DescribeOptions {
  timeZone?: string;
  locale?: string;
}

export function formatInstant(iso: string, { timeZone, locale = "en-GB" }: DescribeOptions = {}): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(iso));
}

export function formatValue(field: string, value: unknown, options: DescribeOptions = {}): string {
  if (value === null || value === undefined || value === "") return "none";
  if (INSTANT_FIELDS.has(field) && typeof value === "string") return formatInstant(value, options);
  if (field === "priority" || field === "status" || field === "recurrenceMode") return String(value).toLowerCase().replace("_", " ");
  if (field === "remindBeforeMinutes" && typeof value === "number") return `${value} min`;
  if (field === "allDay") return value ? "yes" : "no";
  if (field === "rrule" && typeof value === "string") {
    try {
      return describeRrule(value);
    } catch {
      return value;
    }
  }
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.join(", ");
  if (field === "description") {
    const text = String(value);
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  }
  return String(value);
}

/** One line per changed field, in the entry's order, minus what the headline already says. */
export function describeDiff(entry: { type: string; diff: DiffLike[] }, options: DescribeOptions = {}): string[] {
  const implied = new Set(IMPLIED_BY_TYPE[entry.type] ?? []);
  return entry.diff
    .filter((change) => !implied.has(change.field) && change.field !== "seriesId" && change.field !== "position")
    // Every new task is open; saying so adds nothing.
    .filter((change) => !(entry.type === "task.created" && change.field === "status"))
    .map((change) => {
      const label = FIELD_LABEL[change.field] ?? change.field;
      if (entry.type === "task.created") return `${label}: ${formatValue(change.field, change.after, options)}`;
      return `${label}: ${formatValue(change.field, change.before, options)} → ${formatValue(change.field, change.after, options)}`;
    });
}

/** "Created", or "Created by recurrence" for a task change a consumer made. */
export function describeHeadline(entry: Pick<TAuditEntry, "type" | "actor">): string {
  const headline = EVENT_HEADLINE[entry.type] ?? entry.type;
  // Reminders are always the system's doing; naming it adds nothing.
  if (entry.actor === "you" || entry.type.startsWith("reminder.")) return headline;
  return `${headline} by ${entry.actor}`;
}
