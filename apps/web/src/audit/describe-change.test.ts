import { describe, expect, it } from "vitest";
import { describeDiff, describeHeadline, recurrenceSource } from "./describe-change";

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

  it("says a tag's rename, removal and new colour (a tag change is a task change)", () => {
    expect(
      describeDiff({
        type: "task.updated",
        diff: [
          { field: "tags", before: ["diy", "home"], after: ["diy", "house"] },
          { field: "tagColors", before: ["home #64748b"], after: ["house #ff0000"] },
        ],
      }),
    ).toEqual(["Tags: diy, home → diy, house", "Tag colour: home #64748b → house #ff0000"]);
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
    expect(describeHeadline({ type: "task.created", actor: "recurrence" })).toBe("Created by Repeat");
    expect(describeHeadline({ type: "task.updated", actor: "user-2", actorName: "Ana" })).toBe("Edited by Ana");
    expect(describeHeadline({ type: "reminder.fired", actor: "reminders" })).toBe("Reminder sent");
    expect(describeHeadline({ type: "task.deleted", actor: "recurrence", causedBy: { type: "task.reopened", taskId: "t" } })).toBe(
      "Withdrawn by Repeat: the task before it was reopened",
    );
    expect(describeHeadline({ type: "task.next-occurrence-kept", actor: "recurrence" })).toBe(
      "Next occurrence kept (it was changed after it was created)",
    );
  });

  it("sums up a new task by what was chosen, with the rule and repeat mode in words", () => {
    expect(
      describeDiff(
        {
          type: "task.created",
          diff: [
            { field: "title", before: null, after: "Stand-up" },
            { field: "description", before: null, after: "" },
            { field: "status", before: null, after: "OPEN" },
            { field: "priority", before: null, after: "NONE" },
            { field: "dueAt", before: null, after: "2026-11-23T08:00:00.000Z" },
            { field: "allDay", before: null, after: false },
            { field: "timeZone", before: null, after: "UTC" },
            { field: "rrule", before: null, after: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" },
            { field: "recurrenceMode", before: null, after: "FIXED" },
            { field: "seriesId", before: null, after: "s-1" },
            { field: "tags", before: null, after: [] },
          ],
        },
        paris,
      ),
    ).toEqual(["Title: Stand-up", "Due: Mon 23 Nov, 9:00", "Repeats: Every weekday, fixed schedule"]);
    const allDay = [
      { field: "title", before: null, after: "Pay rent" },
      { field: "dueAt", before: null, after: "2026-11-22T23:00:00.000Z" },
      { field: "allDay", before: null, after: true },
      { field: "timeZone", before: null, after: "Europe/Paris" },
    ];
    expect(describeDiff({ type: "task.created", diff: allDay }, { timeZone: "UTC", omitFields: ["title"] })).toEqual(["Due: Mon 23 Nov"]);
    expect(describeDiff({ type: "task.updated", diff: [{ field: "recurrenceMode", before: "FIXED", after: "FROM_COMPLETION" }] })).toEqual([
      "Repeat mode: fixed schedule → from completion",
    ]);
  });

  it("says a reminder's instant in its headline, and links only a recurrence-made task to its source", () => {
    const reminder = { actor: "reminders", reminderAt: "2026-11-22T12:57:00.000Z" };
    expect(describeHeadline({ ...reminder, type: "reminder.scheduled" }, paris)).toBe("Reminder set for Sun 22 Nov, 13:57");
    expect(describeHeadline({ ...reminder, type: "reminder.cancelled" }, paris)).toBe("Reminder cancelled for Sun 22 Nov, 13:57");
    expect(describeDiff({ type: "reminder.scheduled", diff: [{ field: "reminder", before: null, after: reminder.reminderAt }] })).toEqual([]);
    const completion = { type: "task.completed", taskId: "task-1" };
    expect(recurrenceSource({ type: "task.created", taskId: "task-2", causedBy: completion })).toBe("task-1");
    expect(recurrenceSource({ type: "reminder.scheduled", taskId: "task-2", causedBy: completion })).toBeNull();
    expect(recurrenceSource({ type: "task.created", taskId: "task-2", causedBy: null })).toBeNull();
  });
});
