// rrule.js's own TZID handling is unreliable, so rules are expanded in "floating" time: a Date
// whose UTC fields hold the wall-clock time in the task's zone. These two functions are the only
// crossings between floating time and real instants.
import { TZDate } from "@date-fns/tz";
import { RecurrenceError } from "./errors.ts";

export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    throw new RecurrenceError(`"${timeZone}" is not an IANA time zone`);
  }
}

/** The wall-clock time of `instant` in `timeZone`, as a floating Date (UTC fields = local fields). */
export function toWallClock(instant: Date, timeZone: string): Date {
  const local = new TZDate(instant.getTime(), timeZone);
  return new Date(
    Date.UTC(
      local.getFullYear(),
      local.getMonth(),
      local.getDate(),
      local.getHours(),
      local.getMinutes(),
      local.getSeconds(),
      local.getMilliseconds(),
    ),
  );
}

/**
 * The instant at which clocks in `timeZone` show `wallClock`. As RFC 5545 says: a time skipped by
 * a DST jump moves forward by the jump (02:30 → 03:30), and a time that happens twice resolves to
 * the first of the two.
 */
export function fromWallClock(wallClock: Date, timeZone: string): Date {
  const instant = new TZDate(
    wallClock.getUTCFullYear(),
    wallClock.getUTCMonth(),
    wallClock.getUTCDate(),
    wallClock.getUTCHours(),
    wallClock.getUTCMinutes(),
    wallClock.getUTCSeconds(),
    wallClock.getUTCMilliseconds(),
    timeZone,
  ).getTime();
  // @date-fns/tz resolves a repeated time to its second occurrence; look for an earlier one.
  for (const shiftMinutes of [60, 30]) {
    const earlier = new Date(instant - shiftMinutes * 60_000);
    if (toWallClock(earlier, timeZone).getTime() === wallClock.getTime()) return earlier;
  }
  return new Date(instant);
}
