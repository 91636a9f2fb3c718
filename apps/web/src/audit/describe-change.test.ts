import { describe, expect, it } from "vitest";
import { describeDiff, describeHeadline } from "./describe-change";

const paris = { timeZone: "Europe/Paris" };

describe("audit entries in words", () => {
  it("says before → after per field, with dates in the reader's zone", () => {
    expect(
      describeDiff(
        {
          type: "task.updated",
          diff: [
            { field: "priority", before: "MEDIUM", after: "HIGH" },
            { field: "dueAt", before: "2026-05-04T07:00:00.000Z", after: "2026-05-05T07:00:00.000Z" },
            { field: "tags", before: ["home"], after: [] },
          ],
        },
        paris,
      ),
    ).toEqual(["Priority: medium → high", "Due: Mon 4 May, 9:00 → Tue 5 May, 9:00", "Tags: home → none"]);
  });

  it("leaves out what the headline already says, and lists a new task's fields without arrows", () => {
    expect(
      describeDiff({
        type: "task.completed",
        diff: [
          { field: "status", before: "OPEN", after: "COMPLETED" },
          { field: "completedAt", before: null, after: "2026-05-04T07:00:00.000Z" },
        ],
      }),
    ).toEqual([]);
    expect(
      describeDiff({
        type: "task.created",
        diff: [
          { field: "title", before: null, after: "Pay rent" },
          { field: "status", before: null, after: "OPEN" },
          { field: "rrule", before: null, after: "FREQ=DAILY" },
        ],
      }),
    ).toEqual(["Title: Pay rent", "Repeats: Every day"]);
  });

  it("names the system part that acted", () => {
    expect(describeHeadline({ type: "task.completed", actor: "you" })).toBe("Completed");
    expect(describeHeadline({ type: "task.created", actor: "recurrence" })).toBe("Created by recurrence");
    expect(describeHeadline({ type: "reminder.fired", actor: "reminders" })).toBe("Reminder sent");
  });
});
