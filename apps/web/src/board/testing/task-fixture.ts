// A plain open task for unit tests; override what the test is about.
import type { Task } from "../types";

export function makeTask(overrides: Partial<Task> = {}): Task {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    userId: "u",
    projectId: "00000000-0000-4000-8000-0000000000aa",
    sectionId: null,
    assigneeId: null,
    title: "Buy milk",
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
    position: 1,
    version: 1,
    tags: [],
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    completedAt: null,
    deletedAt: null,
    ...overrides,
  };
}
