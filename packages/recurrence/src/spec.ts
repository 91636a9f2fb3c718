// The recurrence shapes the product supports, as data. An RRULE string is only ever built from,
// or parsed into, this structure, so every rule the database holds is one of these shapes.
import { findNeverOccursProblem } from "./never-occurs.ts";

export const FREQUENCIES = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** RFC 5545 weekday codes, Monday first (the RFC's default week start). */
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WORKING_DAYS: readonly Weekday[] = ["MO", "TU", "WE", "TH", "FR"];

export const RECURRENCE_LIMITS = { interval: 999, count: 1000 } as const;

export interface RecurrenceSpec {
  freq: Frequency;
  /** Every `interval` days/weeks/months/years; 1 when omitted. */
  interval?: number;
  /** WEEKLY: the days of the week. MONTHLY/YEARLY: the candidate days that `bySetPos` picks from. */
  byWeekday?: Weekday[];
  /** MONTHLY: days of the month, 1..31 or -1..-31 counted from the end. YEARLY: the days, with `byMonth`. */
  byMonthDay?: number[];
  /** YEARLY only: the months, 1..12. */
  byMonth?: number[];
  /** MONTHLY/YEARLY with `byWeekday`: which match in the month, 1..5 or -1..-5 (-1 = last). */
  bySetPos?: number;
  /** The series has this many occurrences in total (exclusive with `until`). */
  count?: number;
  /** No occurrence after this instant (exclusive with `count`); written as a UTC date-time. */
  until?: Date;
  /**
   * No occurrence after this local day, "2026-12-31" (exclusive with `count` and `until`); written
   * as a DATE (UNTIL=20261231). The series runs through that whole day in the task's zone.
   */
  untilDate?: string;
  /** WKST: the day weeks start on (RFC default Monday); decides which week a day of a WEEKLY;INTERVAL>1 rule falls in. */
  weekStart?: Weekday;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isIntIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** Whether "2026-12-31" is a real calendar date. */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Problems with the parts taken one at a time. */
function findPartProblem(spec: RecurrenceSpec): string | null {
  const { freq, interval = 1, byWeekday, byMonthDay, byMonth, bySetPos, count, until, untilDate, weekStart } = spec;
  if (!FREQUENCIES.includes(freq)) return `FREQ must be one of ${FREQUENCIES.join(", ")}`;
  if (!isIntIn(interval, 1, RECURRENCE_LIMITS.interval)) {
    return `INTERVAL must be a whole number from 1 to ${RECURRENCE_LIMITS.interval}`;
  }
  if (count !== undefined && !isIntIn(count, 1, RECURRENCE_LIMITS.count)) {
    return `COUNT must be a whole number from 1 to ${RECURRENCE_LIMITS.count}`;
  }
  if (until !== undefined && Number.isNaN(until.getTime())) return "UNTIL is not a valid date";
  if (untilDate !== undefined && !isCalendarDate(untilDate)) return `UNTIL "${untilDate}" is not a real date`;
  if (until !== undefined && untilDate !== undefined) return "UNTIL is either a date or a date-time, not both";
  if (count !== undefined && (until !== undefined || untilDate !== undefined)) return "COUNT and UNTIL cannot both be set";
  if (weekStart !== undefined && !WEEKDAYS.includes(weekStart)) return `WKST has an unknown day "${weekStart}"`;

  if (byWeekday !== undefined) {
    if (byWeekday.length === 0) return "BYDAY needs at least one day";
    const unknown = byWeekday.find((day) => !WEEKDAYS.includes(day));
    if (unknown !== undefined) return `BYDAY has an unknown day "${unknown}"`;
    if (new Set(byWeekday).size !== byWeekday.length) return "BYDAY lists a day twice";
  }
  if (byMonthDay !== undefined) {
    if (byMonthDay.length === 0) return "BYMONTHDAY needs at least one day";
    const bad = byMonthDay.find((day) => !isIntIn(Math.abs(day), 1, 31));
    if (bad !== undefined) return `BYMONTHDAY ${bad} is not a day of the month (1..31 or -1..-31)`;
    if (new Set(byMonthDay).size !== byMonthDay.length) return "BYMONTHDAY lists a day twice";
  }
  if (byMonth !== undefined) {
    if (byMonth.length === 0) return "BYMONTH needs at least one month";
    const bad = byMonth.find((month) => !isIntIn(month, 1, 12));
    if (bad !== undefined) return `BYMONTH ${bad} is not a month (1..12)`;
    if (new Set(byMonth).size !== byMonth.length) return "BYMONTH lists a month twice";
  }
  if (bySetPos !== undefined) {
    if (!isIntIn(Math.abs(bySetPos), 1, 5)) return "BYSETPOS must be 1..5 or -1..-5";
    if (byWeekday === undefined) return "BYSETPOS needs BYDAY (e.g. BYDAY=FR;BYSETPOS=-1)";
  }
  return null;
}

/** "BYDAY and BYMONTH", for the parts a frequency does not take. */
function partsPresent(spec: RecurrenceSpec, names: readonly (keyof typeof PART_NAMES)[]): string {
  const present = names.filter((name) => spec[name] !== undefined).map((name) => PART_NAMES[name]);
  return present.length <= 1 ? (present[0] ?? "") : `${present.slice(0, -1).join(", ")} and ${present.at(-1)}`;
}

const PART_NAMES = { byWeekday: "BYDAY", byMonthDay: "BYMONTHDAY", byMonth: "BYMONTH", bySetPos: "BYSETPOS" } as const;

/** Problems with how the parts combine for the rule's frequency. */
function findShapeProblem(spec: RecurrenceSpec): string | null {
  const { freq, byWeekday, byMonthDay, byMonth, bySetPos } = spec;
  switch (freq) {
    case "DAILY":
      if (byWeekday || byMonthDay || byMonth || bySetPos) {
        const parts = partsPresent(spec, ["byWeekday", "byMonthDay", "byMonth", "bySetPos"]);
        return `a DAILY rule takes no ${parts} (use WEEKLY with BYDAY)`;
      }
      return null;
    case "WEEKLY":
      if (byMonthDay || byMonth || bySetPos) {
        return `a WEEKLY rule takes no ${partsPresent(spec, ["byMonthDay", "byMonth", "bySetPos"])} (only BYDAY with plain days)`;
      }
      return null;
    case "MONTHLY":
      if (byMonth !== undefined) return "a MONTHLY rule takes no BYMONTH (use YEARLY with BYMONTH)";
      if (byMonthDay && byWeekday) return "a MONTHLY rule takes either BYMONTHDAY or BYDAY, not both";
      if (byWeekday && bySetPos === undefined) {
        return "a MONTHLY rule with BYDAY needs a position (e.g. BYDAY=-1FR for the last Friday)";
      }
      return null;
    case "YEARLY":
      if ((byMonthDay || byWeekday) && byMonth === undefined) {
        return `a YEARLY rule with ${partsPresent(spec, ["byWeekday", "byMonthDay"])} needs BYMONTH`;
      }
      if (byMonthDay && byWeekday) return "a YEARLY rule takes either BYMONTHDAY or BYDAY, not both";
      if (byWeekday && bySetPos === undefined) {
        return "a YEARLY rule with BYDAY needs a position (e.g. BYMONTH=5;BYDAY=-1MO)";
      }
      if (byWeekday && (byMonth?.length ?? 0) > 1) {
        // BYSETPOS counts over the whole year's matches, so with several months "the last Monday"
        // would be December's only: one month keeps it the month's, as people read it.
        return "a YEARLY rule with BYDAY takes a single BYMONTH";
      }
      return null;
  }
}

/**
 * Why `spec` is not a supported rule, or null when it is. One message per call, naming the
 * offending part, so an API can hand it to the person who typed the rule.
 */
export function findSpecProblem(spec: RecurrenceSpec): string | null {
  return findPartProblem(spec) ?? findShapeProblem(spec) ?? findNeverOccursProblem(spec);
}
