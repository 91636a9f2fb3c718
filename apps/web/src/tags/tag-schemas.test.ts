import { describe, expect, it } from "vitest";
import { ZCreateTagSchema } from "./create-tag.schema";
import { ZUpdateTagSchema } from "./update-tag.schema";

describe("tag schemas", () => {
  it("trims names and lower-cases colours", () => {
    expect(ZCreateTagSchema.parse({ name: "  Home ", color: "#AABBCC" })).toEqual({ name: "Home", color: "#aabbcc" });
  });

  it.each([
    [{ name: "" }],
    [{ name: "   " }],
    [{ name: "#home" }],
    [{ name: "x".repeat(51) }],
    [{ name: "ok", color: "red" }],
    [{ name: "ok", color: "#abc" }],
    [{ name: "ok", extra: 1 }],
  ])("create refuses %j", (input) => {
    expect(ZCreateTagSchema.safeParse(input).success).toBe(false);
  });

  it("update needs something to change", () => {
    const result = ZUpdateTagSchema.safeParse({ id: "6f1c2a34-1b2c-4d5e-8f90-123456789abc" });
    expect(result.success).toBe(false);
  });
});
