// Rules RFC 5545 allows but that can run out of occurrences for good: the day they name does not
// exist in the only months they can reach (BYMONTH=4;BYMONTHDAY=31), or exists only in some years
// that their INTERVAL may step over for ever (Feb 29 every 2 years from an odd year). A task with
// such a rule would silently stop repeating, and a restart from a completion date ("every!")
// reaches any month and year, so these are refused whatever the series' start.
import { DAYS_IN_MONTH_MAX, MONTH_FULL_NAMES } from "./calendar.ts";
import type { RecurrenceSpec } from "./spec.ts";

export const LEAP_DAY_INTERVAL_PROBLEM =
  "a YEARLY rule on Feb 29 only takes no INTERVAL (Feb 29 comes every leap year; every N years may never meet one)";

/** The days (as BYMONTHDAY values) that exist in `month` in some year. */
function daysIn(month: number, days: readonly number[]): number[] {
  const length = DAYS_IN_MONTH_MAX[month - 1] ?? 31;
  return days.filter((day) => Math.abs(day) <= length);
}

function isLeapDayOnly(month: number, days: readonly number[]): boolean {
  return month === 2 && daysIn(month, days).every((day) => Math.abs(day) === 29);
}

function yearlyProblem(spec: RecurrenceSpec): string | null {
  const months = spec.byMonth ?? [];
  const interval = spec.interval ?? 1;
  if (spec.byMonthDay) {
    const days = spec.byMonthDay;
    const reachable = months.filter((month) => daysIn(month, days).length > 0);
    if (reachable.length === 0) {
      const names = months.map((month) => MONTH_FULL_NAMES[month - 1]).join(", ");
      return `BYMONTHDAY ${days.join(",")} never falls in ${names}: the rule would never occur`;
    }
    if (interval > 1 && reachable.every((month) => isLeapDayOnly(month, days))) {
      return LEAP_DAY_INTERVAL_PROBLEM;
    }
  }
  if (spec.byWeekday?.length === 1 && Math.abs(spec.bySetPos ?? 0) === 5 && interval > 1) {
    // A month has a fifth Monday only in some years, and those can repeat on a cycle INTERVAL skips.
    return "BYSETPOS 5 or -5 of a single day (a fifth Monday) is not supported with a YEARLY INTERVAL above 1: it may never occur";
  }
  return null;
}

function monthlyProblem(spec: RecurrenceSpec): string | null {
  const interval = spec.interval ?? 1;
  // Every 12·n months is always the same month of the year, which may lack the day for good.
  if (interval % 12 !== 0) return null;
  if (spec.byMonthDay?.every((day) => Math.abs(day) >= 29)) {
    return `BYMONTHDAY ${spec.byMonthDay.join(",")} with INTERVAL=${interval} is not supported: it stays in one month of the year, which may never have that day (use FREQ=YEARLY with BYMONTH and BYMONTHDAY)`;
  }
  if (spec.byWeekday?.length === 1 && Math.abs(spec.bySetPos ?? 0) === 5 && interval > 12) {
    return `BYSETPOS 5 or -5 of a single day (a fifth Monday) with INTERVAL=${interval} is not supported: it may never occur`;
  }
  return null;
}

/** Why `spec` (otherwise well-formed) may never occur again, or null. */
export function findNeverOccursProblem(spec: RecurrenceSpec): string | null {
  if (spec.freq === "YEARLY") return yearlyProblem(spec);
  if (spec.freq === "MONTHLY") return monthlyProblem(spec);
  return null;
}
