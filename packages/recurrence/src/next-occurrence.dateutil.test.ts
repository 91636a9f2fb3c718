// The next occurrences of many random fixed-schedule rules, completed one after the other across
// DST transitions in zones with gaps, against an independent RRULE implementation (python-dateutil,
// through testing/dateutil-oracle.py). Each series starts at a wall-clock time near a transition,
// often inside the hours a gap skips, so a schedule that follows a moved due time drifts.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRrule } from "./build-rrule.ts";
import { nextOccurrence } from "./next-occurrence.ts";
import { findSeriesProblem } from "./series-day.ts";
import { findSpecProblem, WEEKDAYS, type Frequency, type RecurrenceSpec } from "./spec.ts";
import { DATEUTIL_MISSING, isDateutilAvailable, startOracle, type Oracle } from "./testing/dateutil-oracle.ts";
import { fromWallClock, toWallClock } from "./wall-clock.ts";

const ZONES = ["America/New_York", "Europe/Berlin", "Australia/Sydney", "Australia/Lord_Howe", "America/Santiago", "America/Havana"];
const DAY_MS = 86_400_000;

/** Local dates ("2026-03-08") on which the zone's UTC offset changes, 2025–2030. */
function transitionDays(timeZone: string): string[] {
  const days: string[] = [];
  const offsetAt = (ms: number) => toWallClock(new Date(ms), timeZone).getTime() - ms;
  for (let ms = Date.UTC(2025, 0, 1, 12); ms < Date.UTC(2031, 0, 1); ms += DAY_MS) {
    if (offsetAt(ms) !== offsetAt(ms + DAY_MS)) days.push(toWallClock(new Date(ms + DAY_MS), timeZone).toISOString().slice(0, 10));
  }
  return days;
}
const TRANSITIONS = new Map(ZONES.map((zone) => [zone, transitionDays(zone)]));

/** How far before a transition a series may start, and how many occurrences to follow. */
const REACH: Record<Frequency, { days: number; steps: number }> = {
  DAILY: { days: 6, steps: 10 },
  WEEKLY: { days: 20, steps: 6 },
  MONTHLY: { days: 62, steps: 5 },
  YEARLY: { days: 370, steps: 3 },
};

const weekdays = fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 3 });
const position = fc.constantFrom(1, 2, 3, 4, 5, -1, -2, -5);
const monthDays = fc.uniqueArray(fc.constantFrom(1, 2, 8, 15, 28, 29, 30, 31, -1, -7), { minLength: 1, maxLength: 2 });
const months = fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 });

const shapes: fc.Arbitrary<RecurrenceSpec> = fc.oneof(
  fc.constant<RecurrenceSpec>({ freq: "DAILY" }),
  fc.record({ byWeekday: weekdays, weekStart: fc.constantFrom(undefined, "MO", "SU") }).map(
    ({ byWeekday, weekStart }): RecurrenceSpec => ({ freq: "WEEKLY", byWeekday, ...(weekStart ? { weekStart } : {}) }),
  ),
  fc.constant<RecurrenceSpec>({ freq: "MONTHLY" }),
  monthDays.map((byMonthDay): RecurrenceSpec => ({ freq: "MONTHLY", byMonthDay })),
  fc.record({ byWeekday: weekdays, bySetPos: position }).map((parts): RecurrenceSpec => ({ freq: "MONTHLY", ...parts })),
  fc.constant<RecurrenceSpec>({ freq: "YEARLY" }),
  months.map((byMonth): RecurrenceSpec => ({ freq: "YEARLY", byMonth })),
  fc.record({ byMonth: months, byMonthDay: monthDays }).map((parts): RecurrenceSpec => ({ freq: "YEARLY", ...parts })),
  fc.record({ byMonth: months, byWeekday: weekdays, bySetPos: position }).map((parts): RecurrenceSpec => ({ freq: "YEARLY", ...parts })),
);

const cases = fc
  .record({
    shape: shapes,
    interval: fc.constantFrom(1, 1, 2, 3),
    until: fc.constantFrom<Pick<RecurrenceSpec, "until" | "untilDate">>({}, {}, { untilDate: "2027-06-30" }, { until: new Date("2028-01-01T12:00:00Z") }),
    zone: fc.constantFrom(...ZONES),
    transition: fc.nat(),
    daysBefore: fc.nat(),
    // Mostly the small hours, where the gaps are (00:00 in Santiago and Havana, 02:00 elsewhere).
    minuteOfDay: fc.oneof(fc.integer({ min: 0, max: 4 * 60 - 1 }), fc.integer({ min: 0, max: 24 * 60 - 1 })),
    allDay: fc.boolean(),
  })
  .map(({ shape, interval, until, zone, transition, daysBefore, minuteOfDay, allDay }) => {
    const spec: RecurrenceSpec = { ...shape, ...(interval > 1 ? { interval } : {}), ...until };
    const days = TRANSITIONS.get(zone) ?? [];
    const reach = REACH[spec.freq];
    const day = Date.parse(`${days[transition % days.length]}T00:00:00Z`) - (daysBefore % (reach.days + 1)) * DAY_MS;
    const wall = new Date(day + (allDay ? 0 : minuteOfDay - (minuteOfDay % 15)) * 60_000);
    return { spec, zone, allDay, start: fromWallClock(wall, zone), steps: reach.steps };
  })
  .filter(({ spec, zone, start }) => findSpecProblem(spec) === null && findSeriesProblem({ rrule: buildRrule(spec), start, timeZone: zone }) === null);

const utc = (instant: Date) => instant.toISOString().replace(".000Z", "Z");

const available = isDateutilAvailable();
if (!available) console.log(DATEUTIL_MISSING);

describe.skipIf(!available)("FIXED schedules across DST transitions agree with python-dateutil", () => {
  let oracle: Oracle;
  beforeAll(() => {
    oracle = startOracle();
  });
  afterAll(() => oracle.stop());

  it("each next occurrence, completed in turn, is the series' next one (RFC 5545)", async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ({ spec, zone, allDay, start, steps }) => {
        const rrule = buildRrule(spec);
        const ours: string[] = [];
        let dueAt: Date | null = start;
        while (dueAt && ours.length < steps) {
          dueAt = nextOccurrence({ rrule, mode: "FIXED", dueAt, seriesStart: start, allDay, timeZone: zone, completedAt: dueAt });
          if (dueAt) ours.push(utc(dueAt));
        }
        const startWall = toWallClock(start, zone).toISOString().slice(0, 19);
        const dtstart = allDay ? `${startWall.slice(0, 10)}T00:00:00` : startWall;
        const theirs = await oracle.occurrences({ rrule, dtstart, zone, after: utc(start), take: steps });
        expect(ours, `${rrule} from ${dtstart} ${zone}`).toEqual(theirs);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
