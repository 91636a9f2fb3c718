// A plain open task for the board's unit tests, with fixed ids and dates so that expectations can
// name them: the events contract's sample task (the one shape every package builds on), pinned.
import { sampleTask } from "@taskboard/events/contract";
import type { Task } from "../types";

export function makeTask(overrides: Partial<Task> = {}): Task {
  return {
    ...sampleTask("u", {
      id: "00000000-0000-4000-8000-000000000001",
      projectId: "00000000-0000-4000-8000-0000000000aa",
      sectionId: null,
      assigneeId: null,
      title: "Buy milk",
      position: 1,
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-01T00:00:00.000Z",
    }),
    ...overrides,
  };
}
