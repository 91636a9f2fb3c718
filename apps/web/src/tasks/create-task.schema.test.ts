import fc from "fast-check";
import { expectNamesPart, expectNextOrEnd, rruleText, seriesCase } from "@taskboard/recurrence/testing";
import { describe, expect, it } from "vitest";
import { flattenValidationError } from "@/server/validation-error";
import { ZCreateTaskSchema } from "./create-task.schema";

function fieldErrorsOf(input: unknown) {
  const result = ZCreateTaskSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? {} : flattenValidationError(result.error).fieldErrors;
}

describe("ZCreateTaskSchema", () => {
  it("trims the title and keeps optional fields absent", () => {
    expect(ZCreateTaskSchema.parse({ title: "  Buy milk  " })).toEqual({ title: "Buy milk" });
  });

  it("accepts a full recurring task and normalises the rule", () => {
    const parsed = ZCreateTaskSchema.parse({
      title: "Pay rent",
      description: "**monthly**",
      priority: "HIGH",
      dueAt: "2026-06-01T09:00:00+02:00",
      allDay: false,
      timeZone: "Europe/Berlin",
      remindBeforeMinutes: 30,
      rrule: "rrule:freq=monthly;bymonthday=1",
      recurrenceMode: "FIXED",
      tagIds: ["6f1c2a34-1b2c-4d5e-8f90-123456789abc"],
      tagNames: ["home"],
      position: 3.5,
    });
    expect(parsed.rrule).toBe("FREQ=MONTHLY;BYMONTHDAY=1");
  });

  it.each([
    [{ title: "   " }, "title"],
    [{ title: "x".repeat(501) }, "title"],
    [{ title: "a", description: "x".repeat(20_001) }, "description"],
    [{ title: "a", priority: "CRITICAL" }, "priority"],
    [{ title: "a", dueAt: "tomorrow" }, "dueAt"],
    [{ title: "a", dueAt: "2026-06-01T09:00:00" }, "dueAt"],
    [{ title: "a", timeZone: "Mars/Olympus" }, "timeZone"],
    [{ title: "a", remindBeforeMinutes: 30 }, "remindBeforeMinutes"],
    [{ title: "a", dueAt: "2026-06-01T09:00:00Z", remindBeforeMinutes: 40_321 }, "remindBeforeMinutes"],
    [{ title: "a", dueAt: "2026-06-01T09:00:00Z", remindBeforeMinutes: 1.5 }, "remindBeforeMinutes"],
    [{ title: "a", dueAt: "2026-06-01T09:00:00Z", remindAt: "2026-06-01T08:00:00Z", remindBeforeMinutes: 5 }, "remindAt"],
    [{ title: "a", dueAt: "2026-06-01T09:00:00Z", rrule: "FREQ=SECONDLY" }, "rrule"],
    [{ title: "a", rrule: "FREQ=DAILY" }, "rrule"],
    [{ title: "a", recurrenceMode: "FIXED" }, "recurrenceMode"],
    [{ title: "a", tagIds: ["not-a-uuid"] }, "tagIds.0"],
    [{ title: "a", tagNames: ["#home"] }, "tagNames.0"],
    [{ title: "a", tagNames: Array.from({ length: 21 }, (_, i) => `t${i}`) }, "tagNames"],
    [{ title: "a", position: Number.POSITIVE_INFINITY }, "position"],
    [{ title: "a", colour: "red" }, "colour"],
    [{}, "title"],
  ])("refuses %j naming %s", (input, field) => {
    expect(Object.keys(fieldErrorsOf(input))).toContain(field);
  });
});

describe("ZCreateTaskSchema: repeat rules are the ones the recurrence worker schedules", () => {
  it.each([
    ["FREQ=DAILY;UNTIL=20261231"],
    ["FREQ=WEEKLY;BYDAY=MO;WKST=MO"],
    ["FREQ=YEARLY;BYMONTH=1,6;BYMONTHDAY=1"],
  ])("accepts %s", (rrule) => {
    expect(ZCreateTaskSchema.parse({ title: "a", dueAt: "2026-01-01T09:00:00Z", rrule }).rrule).toBe(rrule);
  });

  it.each([
    ["FREQ=DAILY;BYHOUR=9", /"BYHOUR" is not supported/],
    ["FREQ=YEARLY;BYMONTH=1,6;BYDAY=1MO", /BYDAY takes a single BYMONTH/],
    ["FREQ=MONTHLY;BYMONTHDAY=31;INTERVAL=12", /BYMONTHDAY 31 with INTERVAL=12/],
    ["FREQ=YEARLY;BYMONTH=4", /BYMONTH=4 without BYMONTHDAY repeats on the due date's day \(31\)/],
  ])("refuses %s with a message naming what is unsupported", (rrule, message) => {
    expect(fieldErrorsOf({ title: "a", dueAt: "2026-01-31T09:00:00Z", rrule }).rrule?.join(" ")).toMatch(message);
  });

  it("every rule task.create accepts gets a next occurrence from the worker's computation, or ends by COUNT/UNTIL", () => {
    fc.assert(
      fc.property(rruleText, seriesCase, (rrule, series) => {
        const result = ZCreateTaskSchema.safeParse({ title: "a", rrule, dueAt: series.dueAt.toISOString(), timeZone: series.timeZone });
        if (result.success) expectNextOrEnd(result.data.rrule ?? "", series);
        else expectNamesPart(rrule, flattenValidationError(result.error).fieldErrors.rrule?.join(" ") ?? "");
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
