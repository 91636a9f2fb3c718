// Quick add: one line of text → the fields of a new task, computed in the browser as the user
// types (so: pure, synchronous, no server imports). Scanners run from the most to the least
// specific, each blanking what it understood, and chrono-node reads the due date from what is
// left. The API re-validates everything; this only proposes.
import { buildRrule, firstOccurrence } from "@taskboard/recurrence";
import { MaskedText } from "./masked-text.ts";
import type { TQuickAddResult } from "./quick-add-result.schema.ts";
import { scanPriority } from "./scan-priority.ts";
import { scanRecurrence } from "./scan-recurrence.ts";
import { scanReminder, type ReminderCandidate } from "./scan-reminder.ts";
import { scanTags } from "./scan-tags.ts";
import {
  atLocalDay,
  isUsableDate,
  isValidTimeZone,
  parseDates,
  resolveDate,
  type ResolvedDate,
  type ZonedContext,
} from "./zoned-dates.ts";

export interface QuickAddOptions {
  now: Date;
  /** The user's IANA zone; an unknown zone falls back to UTC. */
  timeZone: string;
}

const TITLE_MAX = 500;
const INPUT_MAX = 2000;
// Words left dangling at the end once a date was cut out ("pay rent on", "call mum at").
const DANGLING = /(?:\s+|^)(?:on|at|by|from|starting|and|,|-|–|—)$/iu;
const STARTING = /(?:^|\s)(?:starting|beginning|from)\s*$/iu;

function dueFromText(input: MaskedText, context: ZonedContext, hasRule: boolean): ResolvedDate | null {
  const date = parseDates(input.current, context).find((result) => isUsableDate(result, input.current));
  if (!date) return null;
  let start = date.index;
  // "every day starting monday": the connecting word belongs to the date.
  const before = STARTING.exec(input.current.slice(0, start));
  if (hasRule && before) start = before.index;
  input.consume("date", { start, end: date.index + date.text.length });
  return resolveDate(date, context);
}

function resolveReminder(
  candidate: ReminderCandidate | null,
  dueAt: Date | null,
  input: MaskedText,
  context: ZonedContext,
): Pick<TQuickAddResult, "remindAt" | "remindBeforeMinutes"> {
  const none = { remindAt: null, remindBeforeMinutes: null };
  if (!candidate) return none;
  if (candidate.kind === "before") {
    // A relative reminder without a due date cannot be saved: leave the words in the title.
    if (!dueAt) return none;
    input.consume("reminder", candidate.span);
    return { remindAt: null, remindBeforeMinutes: candidate.minutes };
  }
  let at = resolveDate(candidate.date, context);
  if (dueAt && !candidate.date.start.isCertain("day") && !candidate.date.start.isCertain("weekday") && at.time) {
    // "remind me at 8am" on a task due Friday 18:00: 08:00 that Friday (or the day before if
    // the time is after the due time).
    const sameDay = atLocalDay(dueAt, context.timeZone, at.time);
    at = { ...at, at: sameDay > dueAt ? atLocalDay(dueAt, context.timeZone, at.time, -1) : sameDay };
  }
  input.consume("reminder", candidate.span);
  return { remindAt: at.at.toISOString(), remindBeforeMinutes: null };
}

function tidyTitle(remainder: string, original: string): string {
  let title = remainder;
  for (let i = 0; i < 3 && DANGLING.test(title); i++) title = title.replace(DANGLING, "").trim();
  title = title.replace(/^[,;:\-–—\s]+|[,;:\-–—\s]+$/gu, "").trim();
  // Never empty: "every day" alone is a task called "every day", not a nameless one.
  if (title === "") title = original.replace(/\s+/gu, " ").trim() || "Untitled task";
  return [...title].slice(0, TITLE_MAX).join("").slice(0, TITLE_MAX);
}

/** The parser itself; may throw on a bug. parseQuickAdd is the never-throwing entry point. */
export function parseQuickAddStrict(text: string, options: QuickAddOptions): TQuickAddResult {
  const timeZone = isValidTimeZone(options.timeZone) ? options.timeZone : "UTC";
  const now = Number.isNaN(options.now.getTime()) ? new Date(0) : options.now;
  const context: ZonedContext = { now, timeZone };
  const input = new MaskedText(text.slice(0, INPUT_MAX));

  const tagNames = scanTags(input);
  const priority = scanPriority(input);
  const reminder = scanReminder(input, context);
  const recurrence = scanRecurrence(input, context);
  const explicitDue = dueFromText(input, context, recurrence !== null);

  let due: { at: Date; allDay: boolean } | null = explicitDue;
  let rrule: string | null = null;
  if (recurrence) {
    rrule = buildRrule(recurrence.spec);
    // The series starts at its first occurrence on or after the named day (or now), at the
    // named time; "every monday 9am" typed on a Wednesday is due next Monday 09:00.
    const fromDay = explicitDue && explicitDue.at > now ? explicitDue : null;
    const first = firstOccurrence({
      rrule,
      timeZone,
      from: fromDay ? (fromDay.time ? fromDay.at : atLocalDay(fromDay.at, timeZone, { hour: 0, minute: 0 })) : now,
      time: explicitDue?.time ?? null,
    });
    due = first ? { at: first, allDay: explicitDue?.time == null } : null;
  }

  const reminderFields = resolveReminder(reminder, due?.at ?? null, input, context);
  return {
    title: tidyTitle(input.remainder(), text),
    dueAt: due ? due.at.toISOString() : null,
    allDay: due ? due.allDay : false,
    priority,
    tagNames,
    rrule,
    recurrenceMode: recurrence ? recurrence.mode : null,
    ...reminderFields,
    timeZone,
    tokens: [...input.tokens].sort((a, b) => a.start - b.start),
  };
}

/** Never throws: whatever the text, the worst case is a plain task titled with it. */
export function parseQuickAdd(text: string, options: QuickAddOptions): TQuickAddResult {
  try {
    return parseQuickAddStrict(text, options);
  } catch {
    return {
      title: tidyTitle(String(text ?? ""), String(text ?? "")),
      dueAt: null,
      allDay: false,
      priority: "NONE",
      tagNames: [],
      rrule: null,
      recurrenceMode: null,
      remindBeforeMinutes: null,
      remindAt: null,
      timeZone: isValidTimeZone(options?.timeZone) ? options.timeZone : "UTC",
      tokens: [],
    };
  }
}
