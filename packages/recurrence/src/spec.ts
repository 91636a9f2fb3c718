// The recurrence shapes the product supports, as data. An RRULE string is only ever built from,
// or parsed into, this structure, so every rule the database holds is one of these shapes.

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
  /** MONTHLY: days of the month, 1..31 or -1..-31 counted from the end. YEARLY: one day, with `byMonth`. */
  byMonthDay?: number[];
  /** YEARLY only: the month, 1..12. */
  byMonth?: number;
  /** MONTHLY/YEARLY with `byWeekday`: which match in the month, 1..5 or -1..-5 (-1 = last). */
  bySetPos?: number;
  /** The series has this many occurrences in total (exclusive with `until`). */
  count?: number;
  /** No occurrence after this instant (exclusive with `count`); written as a UTC date-time. */
  until?: Date;
}

const DAYS_IN_MONTH_MAX = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isIntIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/**
 * Why `spec` is not a supported rule, or null when it is. One message per call, naming the
 * offending part, so an API can hand it to the person who typed the rule.
 */
export function findSpecProblem(spec: RecurrenceSpec): string | null {
  const { freq, interval = 1, byWeekday, byMonthDay, byMonth, bySetPos, count, until } = spec;
  if (!FREQUENCIES.includes(freq)) return `FREQ must be one of ${FREQUENCIES.join(", ")}`;
  if (!isIntIn(interval, 1, RECURRENCE_LIMITS.interval)) {
    return `INTERVAL must be a whole number from 1 to ${RECURRENCE_LIMITS.interval}`;
  }
  if (count !== undefined && !isIntIn(count, 1, RECURRENCE_LIMITS.count)) {
    return `COUNT must be a whole number from 1 to ${RECURRENCE_LIMITS.count}`;
  }
  if (until !== undefined && Number.isNaN(until.getTime())) return "UNTIL is not a valid date";
  if (count !== undefined && until !== undefined) return "COUNT and UNTIL cannot both be set";

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
  if (byMonth !== undefined && !isIntIn(byMonth, 1, 12)) return "BYMONTH must be a month from 1 to 12";
  if (bySetPos !== undefined) {
    if (!isIntIn(Math.abs(bySetPos), 1, 5)) return "BYSETPOS must be 1..5 or -1..-5";
    if (byWeekday === undefined) return "BYSETPOS needs BYDAY (e.g. BYDAY=FR;BYSETPOS=-1)";
  }

  switch (freq) {
    case "DAILY":
      if (byWeekday || byMonthDay || byMonth || bySetPos) {
        return "a DAILY rule takes no BYDAY, BYMONTHDAY, BYMONTH or BYSETPOS (use WEEKLY with BYDAY)";
      }
      return null;
    case "WEEKLY":
      if (byMonthDay || byMonth || bySetPos) {
        return "a WEEKLY rule only takes BYDAY";
      }
      return null;
    case "MONTHLY":
      if (byMonth !== undefined) return "a MONTHLY rule takes no BYMONTH";
      if (byMonthDay && byWeekday) return "a MONTHLY rule takes either BYMONTHDAY or BYDAY, not both";
      if (byWeekday && bySetPos === undefined) {
        return "a MONTHLY rule with BYDAY needs a position (e.g. BYDAY=-1FR for the last Friday)";
      }
      return null;
    case "YEARLY":
      if ((byMonthDay || byWeekday) && byMonth === undefined) {
        return "a YEARLY rule with BYMONTHDAY or BYDAY needs BYMONTH";
      }
      if (byMonthDay && byWeekday) return "a YEARLY rule takes either BYMONTHDAY or BYDAY, not both";
      if (byWeekday && bySetPos === undefined) {
        return "a YEARLY rule with BYDAY needs a position (e.g. BYMONTH=5;BYDAY=-1MO)";
      }
      if (byMonthDay) {
        if (byMonthDay.length !== 1) return "a YEARLY rule takes a single BYMONTHDAY";
        const day = byMonthDay[0] ?? 0;
        const max = DAYS_IN_MONTH_MAX[(byMonth ?? 1) - 1] ?? 31;
        // Without this check the rule would never occur and an iterator would scan to year 9999.
        if (Math.abs(day) > max) return `month ${byMonth} never has a day ${Math.abs(day)}`;
      }
      return null;
  }
}
