// Audit entries in words: "Priority: medium → high", "Due: Mon 9:00 → Tue 9:00", "Completed".
// Pure, so the page, the editor's history and the tests all say the same thing.
import { describeRrule } from "@taskboard/recurrence";
import { CONSUMER_NAMES } from "./actor-names";
import type { TAuditEntry } from "./list-audit-entries.schema";
import { describeProjectEvent, isProjectEvent } from "./describe-project-event";

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
  recurrenceMode: "Repeat mode",
  seriesId: "Series",
  position: "Position",
  tags: "Tags",
  tagColors: "Tag colour",
  completedAt: "Completed at",
  deletedAt: "Deleted at",
  reminder: "Reminder",
};

/** A new task is summed up by these (when set); the rest are defaults nobody chose. */
const CREATED_FIELDS = ["title", "dueAt", "priority", "tags", "rrule"];
const REPEAT_MODE: Record<string, string> = { FIXED: "fixed schedule", FROM_COMPLETION: "from completion" };

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
  "task.next-occurrence-kept": "Next occurrence kept (it was changed after it was created)",
  "reminder.scheduled": "Reminder set",
  "reminder.cancelled": "Reminder cancelled",
  "reminder.fired": "Reminder sent",
  "project.created": "Project created",
  "project.updated": "Project changed",
  "project.deleted": "Project deleted",
  "project.restored": "Project restored",
  "section.created": "Section added",
  "section.updated": "Section changed",
  "section.deleted": "Section deleted",
  "invitation.created": "Invitation sent",
  "invitation.closed": "Invitation answered or withdrawn",
  "member.added": "Member joined",
  "member.updated": "Role changed",
  "member.removed": "Member left or removed",
};

export interface DescribeOptions {
  timeZone?: string;
  locale?: string;
  /** Fields the surrounding text already shows (the page's task link shows the title). */
  omitFields?: string[];
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

/** An all-day task's day, in the zone it was planned in: its instant is that day's midnight there. */
export function formatDay(iso: string, { timeZone, locale = "en-GB" }: DescribeOptions = {}): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: "short", day: "numeric", month: "short" }).format(new Date(iso));
}

export function formatValue(field: string, value: unknown, options: DescribeOptions = {}): string {
  if (value === null || value === undefined || value === "") return "none";
  if (INSTANT_FIELDS.has(field) && typeof value === "string") return formatInstant(value, options);
  if (field === "recurrenceMode") return REPEAT_MODE[String(value)] ?? String(value).toLowerCase().replace("_", " ");
  if (field === "priority" || field === "status") return String(value).toLowerCase().replace("_", " ");
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
  if (entry.type === "task.created") return describeCreated(entry.diff, options);
  // A project, section or membership entry is one sentence (its headline).
  if (isProjectEvent(entry.type)) return [];
  // A reminder entry's headline says its instant ("Reminder set for ...").
  if (entry.type.startsWith("reminder.")) return [];
  const implied = new Set(IMPLIED_BY_TYPE[entry.type] ?? []);
  return entry.diff
    .filter((change) => !implied.has(change.field) && change.field !== "seriesId" && change.field !== "position")
    .map((change) => {
      const label = FIELD_LABEL[change.field] ?? change.field;
      return `${label}: ${formatValue(change.field, change.before, options)} → ${formatValue(change.field, change.after, options)}`;
    });
}

/** A new task in a few lines: what was chosen, not every default ("All day: no", "Time zone: UTC"). */
function describeCreated(diff: DiffLike[], options: DescribeOptions): string[] {
  const after = new Map(diff.map((change) => [change.field, change.after]));
  const chosen = (value: unknown) => value != null && value !== "" && value !== "NONE" && !(Array.isArray(value) && value.length === 0);
  const omitted = new Set(options.omitFields ?? []);
  return CREATED_FIELDS.filter((field) => !omitted.has(field) && chosen(after.get(field))).map((field) => {
    const value = after.get(field);
    const zone = after.get("timeZone");
    let text =
      field === "dueAt" && after.get("allDay") === true && typeof value === "string"
        ? formatDay(value, { ...options, timeZone: typeof zone === "string" ? zone : options.timeZone })
        : formatValue(field, value, options);
    const mode = after.get("recurrenceMode");
    if (field === "rrule" && typeof mode === "string") text += `, ${formatValue("recurrenceMode", mode)}`;
    return `${FIELD_LABEL[field]}: ${text}`;
  });
}

/** Said instead of "Deleted by Repeat" for an occurrence retracted because its previous task was reopened. */
export const RETRACTED_HEADLINE = "Withdrawn by Repeat: the task before it was reopened";

/**
 * "Created", "Edited by Ana" or "Created by Repeat" for a task change someone else or a consumer
 * made, "Reminder set for Sun 22 Nov, 13:57" for a reminder, "Ana invited bob@x.test as editor"
 * for a project event.
 */
export function describeHeadline(
  entry: Pick<TAuditEntry, "type" | "actor"> &
    Partial<Pick<TAuditEntry, "actorName" | "subject">> & { reminderAt?: string | null; causedBy?: TAuditEntry["causedBy"] },
  options: DescribeOptions = {},
): string {
  const actorName = entry.actorName ?? (entry.actor === "you" ? "You" : (CONSUMER_NAMES[entry.actor] ?? entry.actor));
  if (isProjectEvent(entry.type)) return describeProjectEvent({ type: entry.type, actorName, subject: entry.subject ?? null });
  const headline = EVENT_HEADLINE[entry.type] ?? entry.type;
  // Reminders are always the system's doing; naming it adds nothing.
  if (entry.type.startsWith("reminder.")) return entry.reminderAt ? `${headline} for ${formatInstant(entry.reminderAt, options)}` : headline;
  if (entry.type === "task.next-occurrence-kept") return headline;
  if (entry.type === "task.deleted" && entry.causedBy?.type === "task.reopened") return RETRACTED_HEADLINE;
  if (entry.actor === "you") return headline;
  return `${headline} by ${actorName}`;
}

/** A task the recurrence consumer created when the previous one (`causedBy.taskId`) was completed. */
export function recurrenceSource(entry: Pick<TAuditEntry, "type" | "taskId" | "causedBy">): string | null {
  const cause = entry.causedBy;
  if (entry.type !== "task.created" || cause?.type !== "task.completed" || !cause.taskId || cause.taskId === entry.taskId) return null;
  return cause.taskId;
}
