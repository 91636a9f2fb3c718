// Spec → rrule.js options. COUNT and UNTIL are left out on purpose: they are applied by the
// callers, in real instants, rather than by rrule.js in floating time.
import { type RRuleOptions } from "./rrule-interop.ts";
import type { RecurrenceSpec, Weekday } from "./spec.ts";

const RRULE_WEEKDAY: Record<Weekday, number> = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 };
const RRULE_FREQ = { YEARLY: 0, MONTHLY: 1, WEEKLY: 2, DAILY: 3 } as const;

export function toRRuleOptions(spec: RecurrenceSpec, dtstart: Date): Partial<RRuleOptions> {
  return {
    freq: RRULE_FREQ[spec.freq],
    interval: spec.interval ?? 1,
    dtstart,
    ...(spec.byWeekday ? { byweekday: spec.byWeekday.map((day) => RRULE_WEEKDAY[day]) } : {}),
    ...(spec.byMonthDay ? { bymonthday: spec.byMonthDay } : {}),
    ...(spec.byMonth !== undefined ? { bymonth: spec.byMonth } : {}),
    ...(spec.bySetPos !== undefined ? { bysetpos: spec.bySetPos } : {}),
  };
}
