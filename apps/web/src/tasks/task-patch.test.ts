import { describe, expect, it } from "vitest";
import type { TaskRow } from "@taskboard/db";
import { AppError } from "@/server/app-error";
import { planTaskPatch } from "./task-patch";

const due = new Date("2026-06-01T09:00:00.000Z");

function row(overrides: Partial<TaskRow> = {}): TaskRow {
  return {
    id: "6f1c2a34-1b2c-4d5e-8f90-123456789abc",
    userId: "u1",
    title: "Task",
    description: "",
    status: "OPEN",
    priority: "NONE",
    dueAt: null,
    allDay: false,
    timeZone: "UTC",
    remindAt: null,
    remindBeforeMinutes: null,
    rrule: null,
    recurrenceMode: null,
    seriesId: null,
    seriesStartAt: null,
    projectId: "7a1c2a34-1b2c-4d5e-8f90-123456789abc",
    sectionId: null,
    assigneeId: null,
    position: 1,
    version: 1,
    createdAt: due,
    updatedAt: due,
    completedAt: null,
    deletedAt: null,
    tags: [],
    ...overrides,
  };
}

describe("planTaskPatch", () => {
  it("returns only the columns that change", () => {
    expect(planTaskPatch(row({ title: "Same" }), { title: "Same", priority: "HIGH" })).toEqual({ priority: "HIGH" });
    expect(planTaskPatch(row({ dueAt: due }), { dueAt: due.toISOString() })).toEqual({});
  });

  it("switching to an absolute reminder clears the relative one", () => {
    const data = planTaskPatch(row({ dueAt: due, remindBeforeMinutes: 10 }), { remindAt: "2026-05-31T09:00:00Z" });
    expect(data).toEqual({ remindAt: new Date("2026-05-31T09:00:00Z"), remindBeforeMinutes: null });
  });

  it("setting a repeat rule defaults the mode to FIXED and starts a series", () => {
    const data = planTaskPatch(row({ dueAt: due }), { rrule: "FREQ=DAILY" });
    expect(data.recurrenceMode).toBe("FIXED");
    expect(data.seriesId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("starts the series (DTSTART) from the due date whenever the schedule changes, not otherwise", () => {
    const recurring = row({ dueAt: due, rrule: "FREQ=DAILY", recurrenceMode: "FIXED", seriesId: "s", seriesStartAt: new Date("2026-05-01T09:00:00Z") });
    expect(planTaskPatch(row({ dueAt: due }), { rrule: "FREQ=DAILY" }).seriesStartAt).toEqual(due);
    expect(planTaskPatch(recurring, { title: "Renamed" })).toEqual({ title: "Renamed" });
    expect(planTaskPatch(recurring, { dueAt: "2026-06-01T10:00:00Z" }).seriesStartAt).toEqual(new Date("2026-06-01T10:00:00Z"));
    expect(planTaskPatch(recurring, { timeZone: "Europe/Paris" }).seriesStartAt).toEqual(due);
    expect(planTaskPatch(recurring, { rrule: null }).seriesStartAt).toBeNull();
  });

  it("refuses a rule that would never repeat from the due date", () => {
    const on31st = row({ dueAt: new Date("2026-01-31T09:00:00Z") });
    expect(() => planTaskPatch(on31st, { rrule: "FREQ=YEARLY;BYMONTH=4" })).toThrow(/BYMONTH=4 without BYMONTHDAY/);
  });

  it("clearing the rule clears the mode but keeps the series", () => {
    const data = planTaskPatch(row({ dueAt: due, rrule: "FREQ=DAILY", recurrenceMode: "FIXED", seriesId: "s" }), { rrule: null });
    expect(data).toEqual({ rrule: null, recurrenceMode: null });
  });

  it("refuses to drop the due date under a relative reminder or a repeat rule", () => {
    expect(() => planTaskPatch(row({ dueAt: due, remindBeforeMinutes: 5 }), { dueAt: null })).toThrow(AppError);
    try {
      planTaskPatch(row({ dueAt: due, rrule: "FREQ=DAILY", recurrenceMode: "FIXED", seriesId: "s" }), { dueAt: null });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("BAD_REQUEST");
      expect((error as AppError).fieldErrors).toHaveProperty("rrule");
    }
  });

  it("refuses a mode without a rule", () => {
    expect(() => planTaskPatch(row(), { recurrenceMode: "FROM_COMPLETION" })).toThrow(/recurrenceMode/);
  });
});
