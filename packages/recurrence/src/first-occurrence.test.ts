import { describe, expect, it } from "vitest";
import { firstOccurrence } from "./first-occurrence.ts";
import { toWallClock } from "./wall-clock.ts";

const PARIS = "Europe/Paris";
const local = (d: Date | null) => (d ? toWallClock(d, PARIS).toISOString().slice(0, 16).replace("T", " ") : null);
// Friday 2026-03-27, 11:00 in Paris.
const from = new Date("2026-03-27T10:00:00Z");

describe("firstOccurrence", () => {
  it("is later today when today's time has not passed yet", () => {
    expect(local(firstOccurrence({ rrule: "FREQ=DAILY", timeZone: PARIS, from, time: { hour: 18, minute: 0 } }))).toBe("2026-03-27 18:00");
  });

  it("is tomorrow when today's time has passed, and keeps the local time across DST", () => {
    const sat = firstOccurrence({ rrule: "FREQ=DAILY", timeZone: PARIS, from, time: { hour: 8, minute: 0 } });
    expect(local(sat)).toBe("2026-03-28 08:00");
    const monday = firstOccurrence({ rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", timeZone: PARIS, from: new Date("2026-03-28T10:00:00Z"), time: { hour: 9, minute: 30 } });
    expect(monday?.toISOString()).toBe("2026-03-30T07:30:00.000Z"); // 09:30 CEST
  });

  it("counts today for an all-day series", () => {
    expect(local(firstOccurrence({ rrule: "FREQ=WEEKLY", timeZone: PARIS, from, time: null }))).toBe("2026-03-27 00:00");
  });

  it("finds the next matching day for day-of-month and nth-weekday rules", () => {
    expect(local(firstOccurrence({ rrule: "FREQ=MONTHLY;BYMONTHDAY=1", timeZone: PARIS, from, time: { hour: 9, minute: 0 } }))).toBe("2026-04-01 09:00");
    expect(local(firstOccurrence({ rrule: "FREQ=MONTHLY;BYDAY=-1FR", timeZone: PARIS, from, time: null }))).toBe("2026-03-27 00:00");
    expect(local(firstOccurrence({ rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", timeZone: PARIS, from, time: null }))).toBe("2028-02-29 00:00");
  });

  it("starts on the first matching day whatever the interval", () => {
    expect(local(firstOccurrence({ rrule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", timeZone: PARIS, from, time: null }))).toBe("2026-03-30 00:00");
    expect(local(firstOccurrence({ rrule: "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1", timeZone: PARIS, from, time: null }))).toBe("2026-04-01 00:00");
  });

  it("is null when UNTIL has already passed", () => {
    expect(firstOccurrence({ rrule: "FREQ=DAILY;UNTIL=20260301T000000Z", timeZone: PARIS, from, time: null })).toBeNull();
  });
});
