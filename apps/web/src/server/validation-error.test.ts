import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeValidationError, flattenValidationError } from "./validation-error";

describe("flattenValidationError", () => {
  const schema = z.strictObject({ id: z.string(), patch: z.strictObject({ title: z.string().min(1, "Title must not be empty") }) });

  it("names nested fields with dotted paths and unknown keys by name", () => {
    const result = schema.safeParse({ id: 1, patch: { title: "", colour: "x" }, junk: true });
    expect(result.success).toBe(false);
    if (result.success) return;
    const flat = flattenValidationError(result.error);
    expect(flat.fieldErrors["patch.title"]).toEqual(["Title must not be empty"]);
    expect(flat.fieldErrors["patch.colour"]).toEqual(["Unknown field"]);
    expect(flat.fieldErrors.junk).toEqual(["Unknown field"]);
    expect(flat.fieldErrors.id).toHaveLength(1);
    expect(describeValidationError(flat)).toMatch(/^Invalid input: .*patch\.title: Title must not be empty/);
  });
});
