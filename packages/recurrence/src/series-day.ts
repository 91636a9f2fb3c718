// A YEARLY rule with BYMONTH but no day ("every year in March") repeats on its DTSTART's day of
// the month (RFC 5545). That day belongs to the series, so it is spelled out from the series'
// start: a restart from a completion date ("every!") keeps it, and a start whose day no listed
// month has is refused up front instead of making a series that never repeats.
import { DAYS_IN_MONTH_MAX } from "./calendar.ts";
import { RecurrenceError } from "./errors.ts";
import { LEAP_DAY_INTERVAL_PROBLEM } from "./never-occurs.ts";
import { parseRrule } from "./parse-rrule.ts";
import type { RecurrenceSpec } from "./spec.ts";
import { assertTimeZone, toWallClock } from "./wall-clock.ts";

function takesDayFromStart(spec: RecurrenceSpec): boolean {
  return spec.freq === "YEARLY" && spec.byMonth !== undefined && !spec.byMonthDay && !spec.byWeekday;
}

/** `spec` with the implied day of the month made explicit from the series' start (a floating wall-clock Date). */
export function withSeriesDay(spec: RecurrenceSpec, startWall: Date): RecurrenceSpec {
  return takesDayFromStart(spec) ? { ...spec, byMonthDay: [startWall.getUTCDate()] } : spec;
}

export interface SeriesStart {
  rrule: string;
  /** The series' first due instant (DTSTART). */
  start: Date;
  timeZone: string;
}

/** Why this rule cannot start a series at `start`, or null. Throws RecurrenceError for an unsupported rule. */
export function findSeriesProblem({ rrule, start, timeZone }: SeriesStart): string | null {
  const spec = parseRrule(rrule);
  if (!takesDayFromStart(spec)) return null;
  assertTimeZone(timeZone);
  if (Number.isNaN(start.getTime())) throw new RecurrenceError("the series' start must be a valid date");
  const day = toWallClock(start, timeZone).getUTCDate();
  const months = spec.byMonth ?? [];
  const reachable = months.filter((month) => day <= (DAYS_IN_MONTH_MAX[month - 1] ?? 31));
  if (reachable.length === 0) {
    return `BYMONTH=${months.join(",")} without BYMONTHDAY repeats on the due date's day (${day}), which those months never have: add BYMONTHDAY`;
  }
  if ((spec.interval ?? 1) > 1 && day === 29 && reachable.every((month) => month === 2)) {
    return LEAP_DAY_INTERVAL_PROBLEM;
  }
  return null;
}
