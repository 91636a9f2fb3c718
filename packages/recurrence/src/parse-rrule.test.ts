import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildRrule } from "./build-rrule.ts";
import { RecurrenceError } from "./errors.ts";
import { parseRrule, validateRrule } from "./parse-rrule.ts";
import { WEEKDAYS, type RecurrenceSpec } from "./spec.ts";

describe("buildRrule", () => {
  it.each<[RecurrenceSpec, string]>([
    [{ freq: "DAILY" }, "FREQ=DAILY"],
    [{ freq: "DAILY", interval: 3 }, "FREQ=DAILY;INTERVAL=3"],
    [{ freq: "WEEKLY", byWeekday: ["MO", "TU", "WE", "TH", "FR"] }, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"],
    [{ freq: "WEEKLY", interval: 2, byWeekday: ["MO", "TH"], count: 5 }, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=5"],
    [{ freq: "MONTHLY", byMonthDay: [1] }, "FREQ=MONTHLY;BYMONTHDAY=1"],
    [{ freq: "MONTHLY", byWeekday: ["FR"], bySetPos: -1 }, "FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1"],
    [{ freq: "YEARLY", byMonth: [2], byMonthDay: [29] }, "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"],
    [{ freq: "YEARLY", byMonth: [1, 6], byMonthDay: [1] }, "FREQ=YEARLY;BYMONTH=1,6;BYMONTHDAY=1"],
    [{ freq: "DAILY", untilDate: "2026-12-31" }, "FREQ=DAILY;UNTIL=20261231"],
    [{ freq: "WEEKLY", byWeekday: ["MO"], weekStart: "SU" }, "FREQ=WEEKLY;BYDAY=MO;WKST=SU"],
    [{ freq: "DAILY", interval: 3, until: new Date("2027-12-31T22:59:59.000Z") }, "FREQ=DAILY;INTERVAL=3;UNTIL=20271231T225959Z"],
  ])("%o → %s", (spec, expected) => {
    expect(buildRrule(spec)).toBe(expected);
  });

  it.each<[RecurrenceSpec, RegExp]>([
    [{ freq: "DAILY", interval: 0 }, /INTERVAL/],
    [{ freq: "DAILY", byWeekday: ["MO"] }, /DAILY rule takes no BYDAY/],
    [{ freq: "WEEKLY", count: 2, until: new Date() }, /COUNT and UNTIL/],
    [{ freq: "MONTHLY", byMonthDay: [32] }, /BYMONTHDAY 32/],
    [{ freq: "MONTHLY", byWeekday: ["FR"] }, /needs a position/],
    [{ freq: "YEARLY", byMonth: [2], byMonthDay: [30] }, /BYMONTHDAY 30 never falls in February/],
    [{ freq: "YEARLY", byMonth: [2], byMonthDay: [29], interval: 2 }, /Feb 29 only takes no INTERVAL/],
    [{ freq: "MONTHLY", byMonthDay: [31], interval: 12 }, /BYMONTHDAY 31 with INTERVAL=12 is not supported/],
    [{ freq: "MONTHLY", byWeekday: ["MO"], bySetPos: 5, interval: 24 }, /BYSETPOS 5 or -5 .* INTERVAL=24 is not supported/],
    [{ freq: "YEARLY", byMonth: [8], byWeekday: ["MO"], bySetPos: -5, interval: 2 }, /BYSETPOS 5 or -5 .* YEARLY INTERVAL/],
    [{ freq: "MONTHLY", byMonth: [1] }, /MONTHLY rule takes no BYMONTH/],
    [{ freq: "YEARLY", byMonthDay: [1] }, /needs BYMONTH/],
    [{ freq: "WEEKLY", byWeekday: ["MO", "MO"] }, /twice/],
  ])("refuses %o", (spec, message) => {
    expect(() => buildRrule(spec)).toThrow(RecurrenceError);
    expect(() => buildRrule(spec)).toThrow(message);
  });
});

describe("parseRrule", () => {
  it("reads every supported part, with or without the RRULE: prefix", () => {
    expect(parseRrule("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=5")).toEqual({
      freq: "WEEKLY",
      interval: 2,
      byWeekday: ["MO", "TH"],
      count: 5,
    });
    expect(parseRrule("freq=daily;until=20270303T120000Z")).toEqual({
      freq: "DAILY",
      until: new Date("2027-03-03T12:00:00Z"),
    });
  });

  it("reads UNTIL as a date, WKST and a list of months", () => {
    expect(parseRrule("FREQ=DAILY;UNTIL=20261231")).toEqual({ freq: "DAILY", untilDate: "2026-12-31" });
    expect(parseRrule("FREQ=WEEKLY;BYDAY=MO;WKST=MO")).toEqual({ freq: "WEEKLY", byWeekday: ["MO"], weekStart: "MO" });
    expect(parseRrule("FREQ=YEARLY;BYMONTH=1,6;BYMONTHDAY=1")).toEqual({ freq: "YEARLY", byMonth: [1, 6], byMonthDay: [1] });
  });

  it("reads an ordinal BYDAY as the same rule as BYSETPOS", () => {
    expect(parseRrule("FREQ=MONTHLY;BYDAY=-1FR")).toEqual(parseRrule("FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1"));
  });

  it.each([
    ["", /empty/],
    ["FREQ=HOURLY", /FREQ must be one of/],
    ["INTERVAL=2", /FREQ is missing/],
    ["FREQ=DAILY;BYHOUR=9", /"BYHOUR" is not supported/],
    ["FREQ=DAILY;FREQ=WEEKLY", /FREQ appears twice/],
    ["FREQ=DAILY;INTERVAL=two", /INTERVAL must be a whole number/],
    ["FREQ=WEEKLY;BYDAY=XX", /unknown day "XX"/],
    ["FREQ=MONTHLY;BYDAY=1MO,-1FR", /single day/],
    ["FREQ=DAILY;UNTIL=20271231T120000", /must be in UTC/],
    ["FREQ=DAILY;UNTIL=20270230", /not a real date/],
    ["FREQ=WEEKLY;WKST=XY", /WKST has an unknown day "XY"/],
    ["FREQ=YEARLY;BYMONTH=4,6;BYMONTHDAY=31", /BYMONTHDAY 31 never falls in April, June/],
    ["DTSTART:20260101T090000Z\nRRULE:FREQ=DAILY", /DTSTART is not supported/],
    ["FREQ=DAILY;UNTIL=20270231T000000Z", /not a real date-time/],
    ["FREQ=DAILY;COUNT=", /COUNT has no value/],
    ["FREQ=DAILY;;COUNT=2", /empty part/],
  ])("refuses %j with a message naming the problem", (input, message) => {
    expect(() => parseRrule(input)).toThrow(message);
    const result = validateRrule(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("validateRrule accepts supported rules and gives their stored text", () => {
    expect(validateRrule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29")).toEqual({
      ok: true,
      spec: { freq: "YEARLY", byMonth: [2], byMonthDay: [29] },
      rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
    });
    expect(validateRrule(" rrule:freq=weekly; byday=mo,we ")).toMatchObject({ ok: true, rrule: "FREQ=WEEKLY;BYDAY=MO,WE" });
  });
});

const specArbitrary: fc.Arbitrary<RecurrenceSpec> = fc
  .record({
    interval: fc.integer({ min: 1, max: 99 }),
    end: fc.oneof(
      fc.constant({}),
      fc.record({ count: fc.integer({ min: 1, max: 1000 }) }),
      fc.record({
        until: fc.date({ min: new Date("2020-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
          .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000)),
      }),
    ),
    shape: fc.oneof(
      fc.constant<Partial<RecurrenceSpec>>({ freq: "DAILY" }),
      fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 7 })
        .map((byWeekday): Partial<RecurrenceSpec> => ({ freq: "WEEKLY", byWeekday })),
      fc.uniqueArray(fc.integer({ min: 1, max: 28 }), { minLength: 1, maxLength: 3 })
        .map((byMonthDay): Partial<RecurrenceSpec> => ({ freq: "MONTHLY", byMonthDay })),
      fc.record({ day: fc.constantFrom(...WEEKDAYS), pos: fc.constantFrom(1, 2, 3, 4, -1) })
        .map(({ day, pos }): Partial<RecurrenceSpec> => ({ freq: "MONTHLY", byWeekday: [day], bySetPos: pos })),
      fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
        .map(({ month, day }): Partial<RecurrenceSpec> => ({ freq: "YEARLY", byMonth: [month], byMonthDay: [day] })),
    ),
  })
  .map(({ interval, end, shape }) => ({ ...shape, interval, ...end }) as RecurrenceSpec);

describe("round trip", () => {
  it("parseRrule(buildRrule(spec)) gives the spec back", () => {
    fc.assert(
      fc.property(specArbitrary, (spec) => {
        const parsed = parseRrule(buildRrule(spec));
        expect({ interval: 1, ...parsed }).toEqual(spec);
      }),
    );
  });

  it("validateRrule never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (text) => {
        const result = validateRrule(text);
        expect(typeof result.ok).toBe("boolean");
      }),
    );
  });
});
