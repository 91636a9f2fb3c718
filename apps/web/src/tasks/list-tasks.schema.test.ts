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
    [{ sortDirection: "up" }],
    // The sort order used to be called `direction`; that name now belongs to tRPC's page direction.
    [{ direction: "desc" }],
    [{ projectId: "inbox" }],
    [{ projectId: null }],
    [{ projectId: "6f1c2a34-1b2c-4d5e-8f90-123456789abc", sectionId: "none" }],
    [{ assignedToMe: "yes" }],
  ])("refuses %j", (input) => {
    expect(ZListTasksSchema.safeParse(input).success).toBe(false);
  });

  it("treats a missing input as the defaults", () => {
    expect(ZListTasksSchema.parse(undefined)).toEqual({ status: "OPEN", sort: "position", limit: 50 });
  });

  it("takes the sort order from sortDirection", () => {
    expect(ZListTasksSchema.parse({ sort: "title", sortDirection: "desc" })).toMatchObject({ sort: "title", sortDirection: "desc" });
  });

  it("accepts the page direction infiniteQueryOptions() adds, which does not change the sort", () => {
    const parsed = ZListTasksSchema.parse({ sort: "title", cursor: null, direction: "forward" });
    expect(parsed.direction).toBe("forward");
    expect(parsed.sortDirection).toBeUndefined();
  });

  it("names sortDirection when given asc/desc as the page direction", () => {
    const result = ZListTasksSchema.safeParse({ direction: "asc" });
    expect(result.error?.issues[0]?.message).toMatch(/sortDirection/);
  });

  it("takes a section (or null: no section) only together with its project", () => {
    const projectId = "6f1c2a34-1b2c-4d5e-8f90-123456789abc";
    expect(ZListTasksSchema.parse({ projectId, sectionId: null })).toMatchObject({ projectId, sectionId: null });
    const alone = ZListTasksSchema.safeParse({ sectionId: null });
    expect(alone.error?.issues[0]).toMatchObject({ path: ["sectionId"], message: expect.stringMatching(/projectId/) });
  });

  it("accepts a null cursor (first page of an infinite query)", () => {
    expect(ZListTasksSchema.parse({ cursor: null }).cursor).toBeNull();
  });
});
