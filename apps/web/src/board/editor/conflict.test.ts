import { describe, expect, it } from "vitest";
import type { Task } from "../types";
import { describeTaskChanges, mergeDrafts } from "./conflict";
import { draftFromTask } from "./editor-draft";
import { makeTask } from "../testing/task-fixture";

const base: Task = makeTask();
const draft = (task: Task) => draftFromTask({ ...task, tagIds: task.tags.map((t) => t.id) }, "UTC");
const now = new Date("2026-01-05T12:00:00Z");

describe("describeTaskChanges", () => {
  it("names each changed field with its new value", () => {
    const theirs: Task = { ...base, version: 2, title: "Buy oat milk", priority: "HIGH", rrule: "RRULE:FREQ=WEEKLY", recurrenceMode: "FIXED", tags: [{ id: "t", name: "shop" }] };
    expect(describeTaskChanges(base, theirs, now, "UTC")).toEqual([
      { field: "Title", now: "“Buy oat milk”" },
      { field: "Priority", now: "High" },
      { field: "Repeat", now: expect.stringMatching(/week/i) },
      { field: "Tags", now: "shop" },
    ]);
  });

  it("says when it was completed elsewhere, and nothing for a version-only change", () => {
    expect(describeTaskChanges(base, { ...base, version: 3, status: "COMPLETED" }, now, "UTC")).toEqual([{ field: "Status", now: "Completed" }]);
    expect(describeTaskChanges(base, { ...base, version: 2, position: 5 }, now, "UTC")).toEqual([]);
  });
});

describe("mergeDrafts", () => {
  it("keeps only my changed fields and takes theirs for the rest", () => {
    const ancestor = draft(base);
    const mine = { ...ancestor, description: "2 litres" };
    const theirs = draft({ ...base, version: 2, title: "Buy oat milk", priority: "HIGH" });
    expect(mergeDrafts(ancestor, mine, theirs)).toEqual({ ...theirs, description: "2 litres" });
  });

  it("lets my value win a field we both changed", () => {
    const ancestor = draft(base);
    const mine = { ...ancestor, title: "Buy milk and bread" };
    const theirs = draft({ ...base, version: 2, title: "Buy oat milk" });
    expect(mergeDrafts(ancestor, mine, theirs).title).toBe("Buy milk and bread");
  });
});
