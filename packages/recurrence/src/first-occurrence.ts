// Where a new recurring series starts: the quick-add parser and the task API use this when a
// rule is given without an explicit due date ("standup every weekday 9:30" typed on a Saturday).
import { parseRrule } from "./parse-rrule.ts";
import { RRule } from "./rrule-interop.ts";
import { toRRuleOptions } from "./rrule-options.ts";
import { isAfterUntil } from "./series-end.ts";
import { assertTimeZone, fromWallClock, toWallClock } from "./wall-clock.ts";

export interface FirstOccurrenceInput {
  rrule: string;
  timeZone: string;
  /** Nothing before this instant (usually "now", or the start of a day the user named). */
  from: Date;
  /** Local time of day of the series; null for an all-day series (then `from`'s own day counts). */
  time: { hour: number; minute: number } | null;
}

/** The first matching occurrence not before `from` (for all-day: on or after `from`'s local date); null if UNTIL has passed. */
export function firstOccurrence(input: FirstOccurrenceInput): Date | null {
  const spec = parseRrule(input.rrule);
  assertTimeZone(input.timeZone);
  const fromWall = toWallClock(input.from, input.timeZone);
  const dtstart = new Date(
    Date.UTC(fromWall.getUTCFullYear(), fromWall.getUTCMonth(), fromWall.getUTCDate(), input.time?.hour ?? 0, input.time?.minute ?? 0),
  );
  const earliest = input.time && fromWall > dtstart ? fromWall : dtstart;
  // The series starts on the first matching day, whatever its interval: "every 2 weeks on Monday"
  // typed on a Friday starts next Monday, and later occurrences keep their phase from there.
  const wall = new RRule(toRRuleOptions({ ...spec, interval: 1 }, dtstart)).after(earliest, true);
  if (!wall) return null;
  const first = fromWallClock(wall, input.timeZone);
  return isAfterUntil(spec, first, input.timeZone) ? null : first;
}
