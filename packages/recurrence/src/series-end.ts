// UNTIL, applied to real instants: rrule.js expands in floating time, where a UTC UNTIL means
// nothing, so the callers check each candidate here instead.
import type { RecurrenceSpec } from "./spec.ts";
import { toWallClock } from "./wall-clock.ts";

/** Whether an occurrence at `instant` falls after the series' UNTIL (a UTC instant, or a whole local day). */
export function isAfterUntil(spec: RecurrenceSpec, instant: Date, timeZone: string): boolean {
  if (spec.until !== undefined) return instant.getTime() > spec.until.getTime();
  if (spec.untilDate !== undefined) return toWallClock(instant, timeZone).toISOString().slice(0, 10) > spec.untilDate;
  return false;
}
