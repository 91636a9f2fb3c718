import { sampleTask } from "@taskboard/events/contract";
import { describe, expect, it } from "vitest";
import { reminderFiredEventId } from "./reminder-event-id.ts";
import { reminderInstant, reminderJobName } from "./reminder-instant.ts";

describe("the reminder a task wants", () => {
  const due = "2026-05-04T09:00:00.000Z";

  it("is the absolute reminder, or the due instant minus the offset", () => {
    expect(reminderInstant(sampleTask("u", { remindAt: "2026-05-04T08:00:00.000Z" }))?.toISOString()).toBe("2026-05-04T08:00:00.000Z");
    expect(reminderInstant(sampleTask("u", { dueAt: due, remindBeforeMinutes: 90 }))?.toISOString()).toBe("2026-05-04T07:30:00.000Z");
    expect(reminderInstant(sampleTask("u", { dueAt: due, remindBeforeMinutes: 0 }))?.toISOString()).toBe(due);
    expect(reminderInstant(sampleTask("u", { dueAt: due }))).toBeNull();
  });

  it("is none for a completed or deleted task", () => {
    const wanting = { dueAt: due, remindBeforeMinutes: 10 };
    expect(reminderInstant(sampleTask("u", { ...wanting, status: "COMPLETED", completedAt: due }))).toBeNull();
    expect(reminderInstant(sampleTask("u", { ...wanting, deletedAt: due }))).toBeNull();
  });

  it("names one job per task and instant, and one fired-event id per job", () => {
    const task = sampleTask("u");
    const at = new Date(due);
    expect(reminderJobName(task.id, at)).toBe(`reminder:${task.id}:${at.getTime()}`);
    const id = reminderFiredEventId(reminderJobName(task.id, at));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(reminderFiredEventId(reminderJobName(task.id, at))).toBe(id);
    expect(reminderFiredEventId(reminderJobName(task.id, new Date(at.getTime() + 60_000)))).not.toBe(id);
  });
});
