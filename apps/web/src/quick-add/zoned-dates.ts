// chrono-node reads dates against a reference instant and a UTC offset, not an IANA zone. We give
// it the zone's offset at `now` and then rebuild wall-clock results in the real zone, so "tomorrow
// 6pm" is 18:00 local even when a DST change falls in between.
import * as chrono from "chrono-node";
import { TZDate } from "@date-fns/tz";
import { fromWallClock, toWallClock } from "@taskboard/recurrence";

export interface ZonedContext {
  now: Date;
  timeZone: string;
}

export type ChronoResult = chrono.ParsedResult;

const TIME_OF_DAY_WORDS = /^casualReference\/(tonight|morning|afternoon|evening|noon|midnight)$/;

export function parseDates(text: string, context: ZonedContext): ChronoResult[] {
  const offsetMinutes = -new TZDate(context.now.getTime(), context.timeZone).getTimezoneOffset();
  return chrono.casual.parse(text, { instant: context.now, timezone: offsetMinutes }, { forwardDate: true });
}

/**
 * A result we trust as a date: it names a day, a weekday, a time or an offset ("in 3 days"), in a
 * four-digit year, and does not stop inside a word. chrono reads "feb 29 2 before" as 29 February
 * of year 2 of the Buddhist Era ("2 BE", from "be|fore"), 541 BC.
 */
export function isUsableDate(result: ChronoResult, text: string): boolean {
  const year = result.start.get("year");
  if (year !== null && (year < 1000 || year > 9999)) return false;
  if (/[\p{L}\p{N}]/u.test(text.charAt(result.index + result.text.length)) && /[\p{L}\p{N}]$/u.test(result.text)) return false;
  const tags = result.tags();
  return (
    result.start.isCertain("day") ||
    result.start.isCertain("weekday") ||
    result.start.isCertain("hour") ||
    tags.has("result/relativeDate")
  );
}

export function hasTimeOfDay(result: ChronoResult): boolean {
  return result.start.isCertain("hour") || [...result.tags()].some((tag) => TIME_OF_DAY_WORDS.test(tag));
}

function component(result: ChronoResult, name: chrono.Component): number {
  return result.start.get(name) ?? 0;
}

export interface ResolvedDate {
  at: Date;
  allDay: boolean;
  /** Local time of day, null for an all-day date. */
  time: { hour: number; minute: number } | null;
}

/** The instant a chrono result means in the zone; a date without a time is the start of that day. */
export function resolveDate(result: ChronoResult, context: ZonedContext): ResolvedDate {
  if (result.tags().has("result/relativeDateAndTime")) {
    // "in 2 hours": elapsed time from now, not a wall-clock reading.
    const at = result.date();
    const wall = toWallClock(at, context.timeZone);
    return { at, allDay: false, time: { hour: wall.getUTCHours(), minute: wall.getUTCMinutes() } };
  }
  const timed = hasTimeOfDay(result);
  const hour = timed ? component(result, "hour") : 0;
  const minute = timed ? component(result, "minute") : 0;
  const wall = new Date(
    Date.UTC(component(result, "year"), component(result, "month") - 1, component(result, "day"), hour, minute),
  );
  return { at: fromWallClock(wall, context.timeZone), allDay: !timed, time: timed ? { hour, minute } : null };
}

/** Start of `instant`'s local day, shifted by `days`, at `time` (local). */
export function atLocalDay(instant: Date, timeZone: string, time: { hour: number; minute: number }, days = 0): Date {
  const wall = toWallClock(instant, timeZone);
  return fromWallClock(
    new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + days, time.hour, time.minute)),
    timeZone,
  );
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
