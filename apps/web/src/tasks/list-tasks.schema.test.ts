import { describe, expect, it } from "vitest";
import { ZListTasksSchema } from "./list-tasks.schema";

describe("ZListTasksSchema", () => {
  it("defaults to open tasks by position, 50 per page", () => {
    expect(ZListTasksSchema.parse({})).toEqual({ status: "OPEN", sort: "position", limit: 50 });
  });

  it.each([
    [{ limit: 0 }],
    [{ limit: 101 }],
    [{ sort: "random" }],
    [{ status: "DONE" }],
    [{ search: "x".repeat(201) }],
    [{ tagIds: ["x"] }],
    [{ dueFrom: "2026-02-01T00:00:00Z", dueTo: "2026-01-01T00:00:00Z" }],
    [{ unknown: 1 }],
  ])("refuses %j", (input) => {
    expect(ZListTasksSchema.safeParse(input).success).toBe(false);
  });

  it("treats a missing input as the defaults", () => {
    expect(ZListTasksSchema.parse(undefined)).toEqual({ status: "OPEN", sort: "position", limit: 50 });
  });

  it("accepts a null cursor (first page of an infinite query)", () => {
    expect(ZListTasksSchema.parse({ cursor: null }).cursor).toBeNull();
  });
});
