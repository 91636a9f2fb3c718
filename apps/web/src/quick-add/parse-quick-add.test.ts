import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuickAdd, parseQuickAddStrict } from "./parse-quick-add.ts";
import { ZQuickAddResultSchema } from "./quick-add-result.schema.ts";

const PARIS = "Europe/Paris";
// Friday 2026-03-27, 11:00 in Paris (CET); clocks go to CEST on Sunday the 29th.
const now = new Date("2026-03-27T10:00:00Z");
const parse = (text: string, timeZone = PARIS) => {
  const result = parseQuickAdd(text, { now, timeZone });
  expect(ZQuickAddResultSchema.parse(result)).toEqual(result);
  for (const token of result.tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
  return result;
};

describe("parseQuickAdd", () => {
  it("reads the product's own example", () => {
    const r = parse("Pay rent every month on the 1st at 9am #home !high");
    expect(r).toMatchObject({
      title: "Pay rent",
      rrule: "FREQ=MONTHLY;BYMONTHDAY=1",
      recurrenceMode: "FIXED",
      dueAt: "2026-04-01T07:00:00.000Z", // 09:00 CEST
      allDay: false,
      tagNames: ["home"],
      priority: "HIGH",
    });
    expect(r.tokens.map((t) => [t.kind, t.text])).toEqual([
      ["recurrence", "every month on the 1st"],
      ["date", "at 9am"],
      ["tag", "#home"],
      ["priority", "!high"],
    ]);
  });

  it("reads a relative day with a time in the user's zone", () => {
    expect(parse("call mum tomorrow 6pm")).toMatchObject({ title: "call mum", dueAt: "2026-03-28T17:00:00.000Z", allDay: false });
    // The day after tomorrow is past the DST switch: 18:00 is now UTC+2.
    expect(parse("call mum sunday 6pm").dueAt).toBe("2026-03-29T16:00:00.000Z");
    expect(parse("call mum tomorrow 6pm", "America/New_York").dueAt).toBe("2026-03-28T22:00:00.000Z");
  });

  it("starts a weekday series on the next weekday at the given time", () => {
    expect(parse("standup every weekday 9:30")).toMatchObject({
      title: "standup",
      rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      dueAt: "2026-03-30T07:30:00.000Z", // Monday 09:30 CEST (Friday 09:30 has passed)
      allDay: false,
    });
  });

  it("reads an offset due time and a relative reminder", () => {
    expect(parse("review PR in 2 hours remind 30m before")).toMatchObject({
      title: "review PR",
      dueAt: "2026-03-27T12:00:00.000Z",
      remindBeforeMinutes: 30,
      remindAt: null,
    });
    expect(parse("pay taxes friday 5pm remind 1h before").remindBeforeMinutes).toBe(60);
    expect(parse("pay taxes friday 5pm remind me 1 day before").remindBeforeMinutes).toBe(1440);
  });

  it("reads an absolute reminder on the due day", () => {
    expect(parse("dentist friday 10am remind me at 8am")).toMatchObject({
      title: "dentist",
      dueAt: "2026-04-03T08:00:00.000Z",
      remindAt: "2026-04-03T06:00:00.000Z",
      remindBeforeMinutes: null,
    });
    expect(parse("remind me at 8am to stretch")).toMatchObject({ remindAt: "2026-03-28T07:00:00.000Z", dueAt: null });
  });

  it("keeps a relative reminder in the title when there is no due date to be relative to", () => {
    expect(parse("stretch remind 30m before")).toMatchObject({ title: "stretch remind 30m before", remindBeforeMinutes: null });
  });

  it.each([
    ["every 2 weeks on monday and thursday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", "2026-03-29T22:00:00.000Z"],
    ["every day", "FREQ=DAILY", "2026-03-26T23:00:00.000Z"],
    ["every last friday of the month", "FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1", "2026-03-26T23:00:00.000Z"],
    ["yearly on feb 29", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2028-02-28T23:00:00.000Z"],
    ["every 3 days until dec 31", "FREQ=DAILY;INTERVAL=3;UNTIL=20261231T225959Z", "2026-03-26T23:00:00.000Z"],
    ["every week for 5 times", "FREQ=WEEKLY;COUNT=5", "2026-03-26T23:00:00.000Z"],
    ["every week 5 times", "FREQ=WEEKLY;COUNT=5", "2026-03-26T23:00:00.000Z"],
    ["the 15th of every month", "FREQ=MONTHLY;BYMONTHDAY=15", "2026-04-14T22:00:00.000Z"],
    ["every other friday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-03-26T23:00:00.000Z"],
  ])("%s → %s, all day from %s", (text, rrule, dueAt) => {
    expect(parse(text)).toMatchObject({ rrule, dueAt, allDay: true, recurrenceMode: "FIXED", title: text });
  });

  it("reads a daily time", () => {
    expect(parse("daily at 8")).toMatchObject({ rrule: "FREQ=DAILY", dueAt: "2026-03-28T07:00:00.000Z", allDay: false });
  });

  it("switches to FROM_COMPLETION on 'after completion' / 'after done'", () => {
    expect(parse("water plants every 3 days after done")).toMatchObject({
      title: "water plants",
      rrule: "FREQ=DAILY;INTERVAL=3",
      recurrenceMode: "FROM_COMPLETION",
    });
    expect(parse("clean filter every month after completion").recurrenceMode).toBe("FROM_COMPLETION");
    // Without a rule there is nothing to repeat: the words stay.
    expect(parse("tidy up after completion")).toMatchObject({ rrule: null, recurrenceMode: null, title: "tidy up after completion" });
  });

  it.each([
    ["!urgent", "URGENT"], ["!high", "HIGH"], ["!medium", "MEDIUM"], ["!low", "LOW"],
    ["!1", "URGENT"], ["!2", "HIGH"], ["!3", "MEDIUM"], ["!4", "LOW"],
    ["p1", "URGENT"], ["p2", "HIGH"], ["P3", "MEDIUM"], ["p4", "LOW"],
  ])("priority %s → %s", (word, priority) => {
    expect(parse(`ship it ${word}`)).toMatchObject({ title: "ship it", priority });
  });

  it("reads several tags with letters, digits, - and _, once each", () => {
    const r = parse("plan #q3-plan #work_stuff #Été #work_stuff C# rocks");
    expect(r.tagNames).toEqual(["q3-plan", "work_stuff", "Été"]);
    expect(r.title).toBe("plan C# rocks");
  });

  it("makes a date without a time all-day at the start of that day in the zone", () => {
    expect(parse("buy milk friday")).toMatchObject({ title: "buy milk", allDay: true, dueAt: "2026-03-26T23:00:00.000Z" });
    expect(parse("buy milk monday", "Asia/Tokyo")).toMatchObject({ allDay: true, dueAt: "2026-03-29T15:00:00.000Z" });
  });

  it("never returns an empty title", () => {
    expect(parse("tomorrow").title).toBe("tomorrow");
    expect(parse("#home !high").title).toBe("#home !high");
    expect(parse("   ").title).toBe("Untitled task");
  });

  it("takes no date from a match that ends inside a word or lands outside four-digit years (regression)", () => {
    // chrono read "2 be|fore" as year 2 of the Buddhist Era: a dueAt of -000541 and the title "fore".
    const result = parseQuickAddStrict("feb 29 2 before", { now: new Date("1999-03-01T12:00:00.001Z"), timeZone: "UTC" });
    expect(ZQuickAddResultSchema.safeParse(result).success).toBe(true);
    expect(result.title).toMatch(/before$/);
  });

  it("falls back to UTC for an unknown zone", () => {
    expect(parse("call mum tomorrow 6pm", "Not/AZone")).toMatchObject({ timeZone: "UTC", dueAt: "2026-03-28T18:00:00.000Z" });
  });
});

describe("parseQuickAdd properties", () => {
  const texts = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 120 }),
    fc.string({ unit: "binary", maxLength: 120 }),
    // Pieces of the grammar glued together in any order, to reach the deeper paths.
    fc.array(
      fc.constantFrom("every", "day", "2", "weeks", "on", "monday", "and", "the", "last", "1st", "of", "month", "until",
        "dec 31", "remind", "me", "at", "8am", "30m", "before", "#tag", "!high", "p1", "tomorrow", "after", "done",
        "yearly", "feb 29", "times", "5", "in", "hours", "weekday", "🙂", "é", "", "\u0000"),
      { maxLength: 14 },
    ).map((words) => words.join(" ")),
  );
  const zones = fc.constantFrom("UTC", PARIS, "America/New_York", "Pacific/Apia", "Asia/Kathmandu", "bogus/zone");
  const instants = fc.date({ min: new Date("1990-01-01"), max: new Date("2090-01-01"), noInvalidDate: true });

  it("never throws, and always returns a result the schema accepts", () => {
    fc.assert(
      fc.property(texts, zones, instants, (text, timeZone, at) => {
        // The strict parser (no safety net) is what must hold; parseQuickAdd only adds a net.
        const result = parseQuickAddStrict(text, { now: at, timeZone });
        expect(ZQuickAddResultSchema.safeParse(result).success).toBe(true);
        for (const token of result.tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
        expect(ZQuickAddResultSchema.safeParse(parseQuickAdd(text, { now: at, timeZone })).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
