// When a recurring task is completed, the recurrence consumer asks this module when the next task
// is due. Rules are expanded in floating wall-clock time (see wall-clock.ts) so that a 09:00 task
// stays at 09:00 local across DST changes, and always from the series' start (DTSTART): a due
// time that a DST gap moved (02:30 → 03:30) is one occurrence's, never the schedule's.
import { RecurrenceError } from "./errors.ts";
import { parseRrule } from "./parse-rrule.ts";
import { RRule } from "./rrule-interop.ts";
import { toRRuleOptions } from "./rrule-options.ts";
import { withSeriesDay } from "./series-day.ts";
import { isAfterUntil } from "./series-end.ts";
import { assertTimeZone, fromWallClock, toWallClock } from "./wall-clock.ts";

export type RecurrenceMode = "FIXED" | "FROM_COMPLETION";

export interface NextOccurrenceInput {
  /** The series' RRULE (no DTSTART); the series is anchored at `seriesStart`. */
  rrule: string;
  /**
   * FIXED: the first occurrence of the series strictly after the completed task's `dueAt` (the
   * schedule does not move when a task is done late). FROM_COMPLETION: the rule restarted on the
   * completion date, at the series' time of day; its first occurrence after that date.
   */
  mode: RecurrenceMode;
  /** Due instant of the completed task; null for a task without a due date (then FIXED behaves as FROM_COMPLETION). */
  dueAt: Date | null;
  /**
   * The series' DTSTART: the due instant its rule was set from (the task's `seriesStartAt`). Its
   * wall-clock time is the series' time of day. Null or absent for a series saved before it was
   * recorded; the completed task's `dueAt` stands in.
   */
  seriesStart?: Date | null;
  /** All-day tasks are due at 00:00 local; their time of day is not taken from `dueAt`. */
  allDay: boolean;
  /** IANA zone the rule is read in, the task's `timeZone`. */
  timeZone: string;
  completedAt: Date;
  /**
   * 1-based position of the completed task in its series (the series' first task is 1). Only a
   * rule with COUNT needs it, and then it is required: each FROM_COMPLETION occurrence restarts
   * the rule, so only the caller can know how many occurrences came before.
   */
  occurrenceNumber?: number;
}

function atTimeOfDay(day: Date, timeOfDay: Date | null): Date {
  return new Date(
    Date.UTC(
      day.getUTCFullYear(),
      day.getUTCMonth(),
      day.getUTCDate(),
      timeOfDay?.getUTCHours() ?? 0,
      timeOfDay?.getUTCMinutes() ?? 0,
      timeOfDay?.getUTCSeconds() ?? 0,
    ),
  );
}

/**
 * The due instant of the next task of the series, or null when the series is over (COUNT reached,
 * or the next occurrence would fall after UNTIL). Throws RecurrenceError for an unsupported rule,
 * an unknown zone, or a COUNT rule without `occurrenceNumber`.
 */
export function nextOccurrence(input: NextOccurrenceInput): Date | null {
  const spec = parseRrule(input.rrule);
  assertTimeZone(input.timeZone);
  if (Number.isNaN(input.completedAt.getTime()) || (input.dueAt && Number.isNaN(input.dueAt.getTime()))) {
    throw new RecurrenceError("dueAt and completedAt must be valid dates");
  }
  if (spec.count !== undefined) {
    const n = input.occurrenceNumber;
    if (n === undefined || !Number.isInteger(n) || n < 1) {
      throw new RecurrenceError("a rule with COUNT needs occurrenceNumber (1 for the first task of the series)");
    }
    if (n >= spec.count) return null;
  }

  const start = input.seriesStart ?? input.dueAt;
  if (start && Number.isNaN(start.getTime())) throw new RecurrenceError("seriesStart must be a valid date");
  const startWall = start ? toWallClock(start, input.timeZone) : null;
  const timeOfDay = input.allDay ? null : startWall;
  const series = startWall ? withSeriesDay(spec, startWall) : spec;
  let nextWall: Date | null;
  if (input.mode === "FIXED" && input.dueAt && startWall) {
    // Whole seconds: rrule.js expands at second precision.
    const dtstart = atTimeOfDay(startWall, timeOfDay);
    nextWall = new RRule(toRRuleOptions(series, dtstart)).after(toWallClock(input.dueAt, input.timeZone), false);
  } else {
    // Restart the rule on the completion's local date; the occurrence on that date (if the rule
    // has one) is the one just completed, so the next is the first one after dtstart.
    const dtstart = atTimeOfDay(toWallClock(input.completedAt, input.timeZone), timeOfDay);
    nextWall = new RRule(toRRuleOptions(series, dtstart)).after(dtstart, false);
  }
  if (!nextWall) return null;
  const next = fromWallClock(nextWall, input.timeZone);
  return isAfterUntil(spec, next, input.timeZone) ? null : next;
}
