import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RecurrenceError } from "./errors.ts";
import { nextOccurrence, type NextOccurrenceInput } from "./next-occurrence.ts";
import { fromWallClock, toWallClock } from "./wall-clock.ts";

const PARIS = "Europe/Paris";
const NEW_YORK = "America/New_York";

function next(input: Partial<NextOccurrenceInput> & Pick<NextOccurrenceInput, "rrule">) {
  return nextOccurrence({
    mode: "FIXED",
    dueAt: null,
    allDay: false,
    timeZone: "UTC",
    completedAt: new Date("2026-01-01T00:00:00Z"),
    ...input,
  });
}

/** The instant's local wall time in `zone`, as "2026-03-30 09:00". */
function local(instant: Date | null, zone: string): string | null {
  if (!instant) return null;
  return toWallClock(instant, zone).toISOString().slice(0, 16).replace("T", " ");
}

describe("nextOccurrence, FIXED", () => {
  it("keeps a daily 09:00 Paris task at 09:00 local across the March switch", () => {
    // 2026-03-29 is the last Sunday of March: 02:00 CET → 03:00 CEST.
    const dueAt = new Date("2026-03-28T08:00:00Z"); // 09:00 CET
    const result = next({ rrule: "FREQ=DAILY", dueAt, timeZone: PARIS, completedAt: dueAt });
    expect(result?.toISOString()).toBe("2026-03-29T07:00:00.000Z"); // 09:00 CEST
    expect(local(result, PARIS)).toBe("2026-03-29 09:00");
  });

  it("keeps it at 09:00 local across the October switch", () => {
    const dueAt = new Date("2026-10-24T07:00:00Z"); // 09:00 CEST
    const result = next({ rrule: "FREQ=DAILY", dueAt, timeZone: PARIS, completedAt: dueAt });
    expect(result?.toISOString()).toBe("2026-10-25T08:00:00.000Z"); // 09:00 CET
  });

  it("moves a time skipped by the spring jump forward, and takes the first of a repeated time", () => {
    const skipped = next({ rrule: "FREQ=DAILY", dueAt: new Date("2026-03-28T01:30:00Z"), timeZone: PARIS }); // 02:30 CET
    expect(local(skipped, PARIS)).toBe("2026-03-29 03:30");
    const repeated = next({ rrule: "FREQ=DAILY", dueAt: new Date("2026-10-24T00:30:00Z"), timeZone: PARIS }); // 02:30 CEST
    expect(repeated?.toISOString()).toBe("2026-10-25T00:30:00.000Z"); // the CEST 02:30, not the CET one
  });

  it("skips months without a 31st for a monthly rule started on Jan 31 (RFC 5545)", () => {
    const dueAt = new Date("2026-01-31T14:00:00Z"); // 09:00 New York
    const result = next({ rrule: "FREQ=MONTHLY", dueAt, timeZone: NEW_YORK });
    expect(local(result, NEW_YORK)).toBe("2026-03-31 09:00");
    const explicit = next({ rrule: "FREQ=MONTHLY;BYMONTHDAY=31", dueAt, timeZone: NEW_YORK });
    expect(local(explicit, NEW_YORK)).toBe("2026-03-31 09:00");
  });

  it("moves Feb 29 yearly to the next leap year", () => {
    const dueAt = new Date("2028-02-29T09:00:00Z");
    expect(next({ rrule: "FREQ=YEARLY", dueAt })?.toISOString()).toBe("2032-02-29T09:00:00.000Z");
    expect(next({ rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", dueAt })?.toISOString()).toBe("2032-02-29T09:00:00.000Z");
  });

  it("finds the last Friday of the next month", () => {
    const dueAt = new Date("2026-01-30T17:00:00Z"); // Fri Jan 30, 18:00 Paris
    const result = next({ rrule: "FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1", dueAt, timeZone: PARIS });
    expect(local(result, PARIS)).toBe("2026-02-27 18:00");
  });

  it("goes from Friday to Monday for every weekday, and keeps the 2-week phase", () => {
    const friday = new Date("2026-03-06T14:30:00Z"); // Fri 09:30 New York (EST)
    const weekday = next({ rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", dueAt: friday, timeZone: NEW_YORK });
    expect(local(weekday, NEW_YORK)).toBe("2026-03-09 09:30"); // EDT from Mar 8: still 09:30
    const thursday = new Date("2026-03-05T14:30:00Z");
    const biweekly = next({ rrule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", dueAt: thursday, timeZone: NEW_YORK });
    expect(local(biweekly, NEW_YORK)).toBe("2026-03-16 09:30");
  });

  it("is the next one on schedule even when the task is completed late", () => {
    const dueAt = new Date("2026-05-01T07:00:00Z");
    const result = next({ rrule: "FREQ=DAILY", dueAt, timeZone: PARIS, completedAt: new Date("2026-05-10T12:00:00Z") });
    expect(local(result, PARIS)).toBe("2026-05-02 09:00");
  });

  it("keeps all-day tasks at local midnight", () => {
    const dueAt = new Date("2026-03-28T23:00:00Z"); // Mar 29 00:00 CET... start of day in Paris
    const result = next({ rrule: "FREQ=DAILY", dueAt, allDay: true, timeZone: PARIS });
    expect(result?.toISOString()).toBe("2026-03-29T22:00:00.000Z"); // Mar 30 00:00 CEST
  });
});

describe("nextOccurrence after a DST gap moved one occurrence", () => {
  /** Completes each occurrence on time, from the series' start, `steps` times: the local times. */
  function series(rrule: string, startWall: string, timeZone: string, steps: number): string[] {
    const start = fromWallClock(new Date(`${startWall}:00Z`), timeZone);
    const walls: string[] = [];
    let dueAt = start;
    for (let step = 0; step < steps; step++) {
      const result = next({ rrule, dueAt, seriesStart: start, timeZone, completedAt: dueAt });
      if (!result) break;
      walls.push(local(result, timeZone) ?? "");
      dueAt = result;
    }
    return walls;
  }

  it("every day at 02:30 in New York: 03:30 on the spring-forward day, then 02:30 again", () => {
    expect(series("FREQ=DAILY", "2026-03-07T02:30", NEW_YORK, 3)).toEqual(["2026-03-08 03:30", "2026-03-09 02:30", "2026-03-10 02:30"]);
  });

  it("weekly on Sunday at 02:15 in Berlin", () => {
    expect(series("FREQ=WEEKLY;BYDAY=SU", "2026-03-22T02:15", "Europe/Berlin", 2)).toEqual(["2026-03-29 03:15", "2026-04-05 02:15"]);
  });

  it("monthly on the second Sunday at 02:30 in New York (the US switch day)", () => {
    expect(series("FREQ=MONTHLY;BYDAY=2SU", "2026-02-08T02:30", NEW_YORK, 2)).toEqual(["2026-03-08 03:30", "2026-04-12 02:30"]);
  });

  it("monthly on the first Sunday at 02:45 in Sydney (October switch)", () => {
    expect(series("FREQ=MONTHLY;BYDAY=1SU", "2026-09-06T02:45", "Australia/Sydney", 2)).toEqual(["2026-10-04 03:45", "2026-11-01 02:45"]);
  });

  it("from completion, the series' time of day wins over the moved one", () => {
    const start = fromWallClock(new Date("2026-03-07T02:30:00Z"), NEW_YORK);
    const moved = new Date("2026-03-08T07:30:00Z"); // the Mar 8 occurrence, 03:30 EDT
    const result = next({ rrule: "FREQ=DAILY", mode: "FROM_COMPLETION", dueAt: moved, seriesStart: start, timeZone: NEW_YORK, completedAt: moved });
    expect(local(result, NEW_YORK)).toBe("2026-03-09 02:30");
  });
});

describe("nextOccurrence, FROM_COMPLETION", () => {
  it("restarts the rule on the completion date, keeping the task's time of day", () => {
    const result = next({
      rrule: "FREQ=DAILY;INTERVAL=3",
      mode: "FROM_COMPLETION",
      dueAt: new Date("2026-03-01T08:00:00Z"), // 09:00 Paris
      completedAt: new Date("2026-03-10T14:00:00Z"),
      timeZone: PARIS,
    });
    expect(local(result, PARIS)).toBe("2026-03-13 09:00");
  });

  it("uses the completion's local date, not its UTC date", () => {
    // 23:30 on Mar 10 in New York is already Mar 11 in UTC.
    const result = next({
      rrule: "FREQ=DAILY",
      mode: "FROM_COMPLETION",
      dueAt: new Date("2026-03-09T12:00:00Z"),
      completedAt: new Date("2026-03-11T03:30:00Z"),
      timeZone: NEW_YORK,
    });
    expect(local(result, NEW_YORK)).toBe("2026-03-11 08:00");
  });

  it("goes to the next matching weekday after the completion date", () => {
    const result = next({
      rrule: "FREQ=WEEKLY;BYDAY=MO",
      mode: "FROM_COMPLETION",
      dueAt: new Date("2026-03-02T09:00:00Z"),
      completedAt: new Date("2026-03-08T10:00:00Z"), // a Sunday
    });
    expect(result?.toISOString()).toBe("2026-03-09T09:00:00.000Z");
  });

  it("treats a task without a due date as due at local midnight", () => {
    const result = next({ rrule: "FREQ=DAILY", mode: "FIXED", dueAt: null, completedAt: new Date("2026-03-08T10:00:00Z"), timeZone: PARIS });
    expect(local(result, PARIS)).toBe("2026-03-09 00:00");
  });
});

describe("nextOccurrence, end of series", () => {
  it("returns null once COUNT occurrences exist", () => {
    const base = { rrule: "FREQ=WEEKLY;COUNT=5", dueAt: new Date("2026-03-02T09:00:00Z") };
    expect(next({ ...base, occurrenceNumber: 4 })?.toISOString()).toBe("2026-03-09T09:00:00.000Z");
    expect(next({ ...base, occurrenceNumber: 5 })).toBeNull();
    expect(next({ ...base, mode: "FROM_COMPLETION", occurrenceNumber: 5 })).toBeNull();
  });

  it("refuses a COUNT rule without occurrenceNumber instead of guessing", () => {
    expect(() => next({ rrule: "FREQ=DAILY;COUNT=3", dueAt: new Date() })).toThrow(/occurrenceNumber/);
  });

  it("returns null when the next occurrence would fall after UNTIL", () => {
    const rrule = "FREQ=DAILY;UNTIL=20261231T225959Z"; // end of Dec 31 in Paris
    const dec30 = new Date("2026-12-30T08:00:00Z");
    expect(local(next({ rrule, dueAt: dec30, timeZone: PARIS }), PARIS)).toBe("2026-12-31 09:00");
    expect(next({ rrule, dueAt: new Date("2026-12-31T08:00:00Z"), timeZone: PARIS })).toBeNull();
  });

  it("refuses unknown zones and unsupported rules", () => {
    expect(() => next({ rrule: "FREQ=DAILY", timeZone: "Mars/Olympus" })).toThrow(RecurrenceError);
    expect(() => next({ rrule: "FREQ=HOURLY" })).toThrow(/FREQ must be one of/);
  });
});

const zones = fc.constantFrom("UTC", PARIS, NEW_YORK, "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Apia", "America/Sao_Paulo");
const rules = fc.constantFrom(
  "FREQ=DAILY",
  "FREQ=DAILY;INTERVAL=3",
  "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
  "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
  "FREQ=MONTHLY",
  "FREQ=MONTHLY;BYMONTHDAY=31",
  "FREQ=MONTHLY;BYMONTHDAY=-1",
  "FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1",
  "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
  "FREQ=YEARLY;BYMONTH=5;BYDAY=MO;BYSETPOS=-1",
);
const instants = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2060-01-01T00:00:00Z"), noInvalidDate: true })
  .map((d) => new Date(Math.floor(d.getTime() / 60_000) * 60_000));

describe("nextOccurrence properties", () => {
  it("the next occurrence is always after the reference (dueAt for FIXED, completion otherwise)", () => {
    fc.assert(
      fc.property(rules, zones, instants, fc.constantFrom("FIXED", "FROM_COMPLETION") as fc.Arbitrary<"FIXED" | "FROM_COMPLETION">, fc.boolean(), (rrule, timeZone, dueAt, mode, allDay) => {
        const completedAt = new Date(dueAt.getTime() + 3 * 3_600_000);
        const result = nextOccurrence({ rrule, mode, dueAt, allDay, timeZone, completedAt });
        expect(result).not.toBeNull();
        const reference = mode === "FIXED" ? dueAt : completedAt;
        expect(result?.getTime()).toBeGreaterThan(reference.getTime());
      }),
    );
  });

  it("a daily rule preserves the local time of day, DST or not", () => {
    // Times between 04:00 and 23:59 never fall in a DST gap or overlap in these zones.
    const localTimes = fc.record({ hour: fc.integer({ min: 4, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) });
    fc.assert(
      fc.property(zones.filter((z) => z !== "Pacific/Apia"), instants, localTimes, fc.integer({ min: 1, max: 10 }), (timeZone, day, { hour, minute }, interval) => {
        const wall = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute));
        const start = fromWallClock(wall, timeZone);
        const startWall = toWallClock(start, timeZone);
        const result = nextOccurrence({ rrule: `FREQ=DAILY;INTERVAL=${interval}`, mode: "FIXED", dueAt: start, allDay: false, timeZone, completedAt: start });
        const resultWall = toWallClock(result as Date, timeZone);
        expect(resultWall.getUTCHours() * 60 + resultWall.getUTCMinutes()).toBe(startWall.getUTCHours() * 60 + startWall.getUTCMinutes());
        expect(resultWall.getTime() - Date.UTC(startWall.getUTCFullYear(), startWall.getUTCMonth(), startWall.getUTCDate(), startWall.getUTCHours(), startWall.getUTCMinutes())).toBe(interval * 86_400_000);
      }),
    );
  });

  it("FIXED with COUNT=n yields exactly n occurrences in total", () => {
    fc.assert(
      fc.property(rules, zones, instants, fc.integer({ min: 1, max: 8 }), (rule, timeZone, first, count) => {
        const rrule = `${rule};COUNT=${count}`;
        let dueAt: Date | null = first;
        let produced = 1;
        while (dueAt) {
          dueAt = nextOccurrence({ rrule, mode: "FIXED", dueAt, allDay: false, timeZone, completedAt: dueAt, occurrenceNumber: produced });
          if (dueAt) produced += 1;
        }
        expect(produced).toBe(count);
      }),
    );
  });
});
