// Spec → rrule.js options. COUNT and UNTIL are left out on purpose: they are applied by the
// callers, in real instants, rather than by rrule.js in floating time.
import { Weekday as RRuleWeekday, type RRuleOptions } from "./rrule-interop.ts";
import type { RecurrenceSpec, Weekday } from "./spec.ts";

const RRULE_WEEKDAY: Record<Weekday, number> = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 };
const RRULE_FREQ = { YEARLY: 0, MONTHLY: 1, WEEKLY: 2, DAILY: 3 } as const;

/**
 * The days, and BYSETPOS. One day at a position ("the last Friday") is expanded as the nth
 * weekday of the month (BYDAY=-1FR), the same rule for a set bounded by one month: rrule.js's
 * BYSETPOS wraps around when the month has fewer matches (a "fifth-to-last Monday" in a month of
 * four would be its first), the nth weekday skips that month as RFC 5545 says.
 */
function weekdayOptions(spec: RecurrenceSpec): Partial<RRuleOptions> {
  const days = spec.byWeekday;
  if (!days) return {};
  const [only] = days;
  if (only !== undefined && days.length === 1 && spec.bySetPos !== undefined) {
    return { byweekday: [new RRuleWeekday(RRULE_WEEKDAY[only], spec.bySetPos)] };
  }
  return {
    byweekday: days.map((day) => RRULE_WEEKDAY[day]),
    ...(spec.bySetPos !== undefined ? { bysetpos: spec.bySetPos } : {}),
  };
}

export function toRRuleOptions(spec: RecurrenceSpec, dtstart: Date): Partial<RRuleOptions> {
  return {
    freq: RRULE_FREQ[spec.freq],
    interval: spec.interval ?? 1,
    dtstart,
    ...weekdayOptions(spec),
    ...(spec.byMonthDay ? { bymonthday: spec.byMonthDay } : {}),
    ...(spec.byMonth !== undefined ? { bymonth: spec.byMonth } : {}),
    ...(spec.weekStart !== undefined ? { wkst: RRULE_WEEKDAY[spec.weekStart] } : {}),
  };
}
