// What each board asks task.list for, and where its quick add puts a task.
import { describe, expect, it } from "vitest";
import { scopeCreateTarget, scopeListInput } from "./board-scope";

const day = new Date("2026-05-10T22:30:00Z"); // 11 May, 00:30 in Berlin

describe("board scopes", () => {
  it("a project board lists and creates in that project", () => {
    const scope = { kind: "project", projectId: "p1" } as const;
    expect(scopeListInput(scope, day, "Europe/Berlin")).toEqual({ projectId: "p1" });
    expect(scopeCreateTarget(scope)).toEqual({ projectId: "p1" });
  });

  it("Today is everything due by the end of the viewer's day, overdue included", () => {
    const { dueTo, ...rest } = scopeListInput({ kind: "today" }, day, "Europe/Berlin");
    expect(rest).toEqual({});
    expect(Date.parse(dueTo ?? "")).toBe(Date.parse("2026-05-11T23:59:59.999+02:00"));
  });

  it("Upcoming starts at the viewer's tomorrow", () => {
    const { dueFrom, ...rest } = scopeListInput({ kind: "upcoming" }, day, "Europe/Berlin");
    expect(rest).toEqual({});
    expect(Date.parse(dueFrom ?? "")).toBe(Date.parse("2026-05-12T00:00:00+02:00"));
  });

  it("Assigned to me asks for the signed-in user's tasks; views across projects create in the Inbox", () => {
    expect(scopeListInput({ kind: "assigned" }, day, "UTC")).toEqual({ assignedToMe: true });
    expect(scopeCreateTarget({ kind: "assigned" })).toEqual({});
  });
});
