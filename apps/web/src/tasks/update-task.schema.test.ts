import { describe, expect, it } from "vitest";
import { flattenValidationError } from "@/server/validation-error";
import { ZUpdateTaskSchema } from "./update-task.schema";

const id = "6f1c2a34-1b2c-4d5e-8f90-123456789abc";

function fieldErrorsOf(input: unknown) {
  const result = ZUpdateTaskSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? {} : flattenValidationError(result.error).fieldErrors;
}

describe("ZUpdateTaskSchema", () => {
  it("accepts a partial patch and null for clearable fields", () => {
    const parsed = ZUpdateTaskSchema.parse({
      id,
      expectedVersion: 3,
      patch: { title: " New ", dueAt: null, rrule: null, tagIds: [] },
    });
    expect(parsed.patch).toEqual({ title: "New", dueAt: null, rrule: null, tagIds: [] });
  });

  it("refuses an empty patch with 'Nothing to change'", () => {
    expect(fieldErrorsOf({ id, expectedVersion: 1, patch: {} })).toEqual({
      patch: ["Nothing to change: the patch is empty"],
    });
  });

  it.each([
    [{ id: "nope", expectedVersion: 1, patch: { title: "a" } }, "id"],
    [{ id, expectedVersion: 0, patch: { title: "a" } }, "expectedVersion"],
    [{ id, patch: { title: "a" } }, "expectedVersion"],
    [{ id, expectedVersion: 1, patch: { title: "" } }, "patch.title"],
    [{ id, expectedVersion: 1, patch: { title: null } }, "patch.title"],
    [{ id, expectedVersion: 1, patch: { status: "COMPLETED" } }, "patch.status"],
    [{ id, expectedVersion: 1, patch: { remindAt: "2026-01-01T00:00:00Z", remindBeforeMinutes: 5 } }, "patch.remindAt"],
    [{ id, expectedVersion: 1, patch: { rrule: null, recurrenceMode: "FIXED" } }, "patch.recurrenceMode"],
    [{ id, expectedVersion: 1, patch: { title: "a" }, extra: true }, "extra"],
  ])("refuses %j naming %s", (input, field) => {
    expect(Object.keys(fieldErrorsOf(input))).toContain(field);
  });
});
