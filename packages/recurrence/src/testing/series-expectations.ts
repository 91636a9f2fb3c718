// What "the worker can schedule every rule the validator accepts" means, as assertions shared by
// this package's property tests and the web app's (which go through the API's input schema).
import fc from "fast-check";
import { expect } from "vitest";
import { buildRrule } from "../build-rrule.ts";
import { nextOccurrence, type RecurrenceMode } from "../next-occurrence.ts";
import { parseRrule } from "../parse-rrule.ts";
import { findSeriesProblem } from "../series-day.ts";
import { toWallClock } from "../wall-clock.ts";
import { SUPPORTED_PARTS, UNSUPPORTED_PARTS } from "./rrule-text.ts";

export interface SeriesCase {
  timeZone: string;
  /** The series' first due instant. */
  dueAt: Date;
  mode: RecurrenceMode;
  allDay: boolean;
  /** How long after its due time the first task is completed. */
  lateMs: number;
}

export const seriesCase: fc.Arbitrary<SeriesCase> = fc.record({
  timeZone: fc.constantFrom("UTC", "America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata", "America/Santiago"),
  dueAt: fc
    .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2090-01-01T00:00:00Z"), noInvalidDate: true })
    .map((d) => new Date(Math.floor(d.getTime() / 60_000) * 60_000)),
  mode: fc.constantFrom<RecurrenceMode>("FIXED", "FROM_COMPLETION"),
  allDay: fc.boolean(),
  lateMs: fc.integer({ min: 0, max: 3 * 365 }).map((days) => days * 86_400_000 + 3_600_000),
});

/** Whether the API would also accept this rule for a series starting at `dueAt` (the due-date checks). */
export function startsSeries(rrule: string, { dueAt, timeZone }: SeriesCase): boolean {
  return findSeriesProblem({ rrule, start: dueAt, timeZone }) === null;
}

const localDay = (instant: Date, timeZone: string) => toWallClock(instant, timeZone).toISOString().slice(0, 10);

/**
 * Completing the series' first task yields the next one, after it; or nothing, exactly when COUNT
 * or UNTIL ends the series there. Never throws (a throw dead-letters the completion).
 */
export function expectNextOrEnd(rrule: string, series: SeriesCase): void {
  const { timeZone, dueAt, mode, allDay } = series;
  const completedAt = new Date(dueAt.getTime() + series.lateMs);
  const input = { mode, dueAt, seriesStart: dueAt, allDay, timeZone, completedAt, occurrenceNumber: 1 };
  const next = nextOccurrence({ ...input, rrule });
  // The same series without its end always goes on...
  const { count, until, untilDate, ...endless } = parseRrule(rrule);
  const unbounded = nextOccurrence({ ...input, rrule: buildRrule(endless) });
  expect(unbounded, `${rrule} never occurs again`).not.toBeNull();
  if (!unbounded) return;
  if (mode === "FIXED") expect(unbounded.getTime()).toBeGreaterThan(dueAt.getTime());
  else expect(localDay(unbounded, timeZone) > localDay(completedAt, timeZone)).toBe(true);
  // ...and the bounded one ends only where COUNT or UNTIL says.
  const ended =
    count === 1 ||
    (until !== undefined && unbounded > until) ||
    (untilDate !== undefined && localDay(unbounded, timeZone) > untilDate);
  expect(next?.getTime() ?? null, rrule).toBe(ended ? null : unbounded.getTime());
}

/** A refusal names the part at fault: one in the text, or FREQ when it is missing. */
export function expectNamesPart(text: string, message: string): void {
  const named = [...SUPPORTED_PARTS, ...UNSUPPORTED_PARTS].filter((part) => message.includes(part));
  expect(named.some((part) => part === "FREQ" || text.toUpperCase().includes(part)), `${text}: ${message}`).toBe(true);
}
