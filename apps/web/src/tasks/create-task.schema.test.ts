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
