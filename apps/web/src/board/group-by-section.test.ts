import { describe, expect, it } from "vitest";
import { groupBySection, NO_SECTION_KEY } from "./group-tasks";
import { makeTask } from "./testing/task-fixture";
import type { Section, Task } from "./types";

const PROJECT = "00000000-0000-4000-8000-000000000001";
const at = "2026-01-01T00:00:00.000Z";

function section(id: string, name: string, position: number, deletedAt: string | null = null): Section {
  return { id, projectId: PROJECT, name, position, version: 1, createdAt: at, updatedAt: at, deletedAt };
}

function task(title: string, sectionId: string | null, position: number): Task {
  return makeTask({ id: `id-${title}`, projectId: PROJECT, title, sectionId, position });
}

const TODO = "10000000-0000-4000-8000-000000000001";
const DOING = "10000000-0000-4000-8000-000000000002";
const GONE = "10000000-0000-4000-8000-000000000003";

const shape = (groups: ReturnType<typeof groupBySection>) => groups.map((g) => [g.label, g.tasks.map((t) => t.title)]);

describe("groupBySection", () => {
  it("lists No section first, then the sections in their order, even the empty ones", () => {
    const groups = groupBySection([], [section(DOING, "Doing", 2), section(TODO, "To do", 1)]);
    expect(shape(groups)).toEqual([["No section", []], ["To do", []], ["Doing", []]]);
    expect(groups[0]?.key).toBe(NO_SECTION_KEY);
  });

  it("puts each task in its section, in the given order or (for the board) by position", () => {
    const sections = [section(TODO, "To do", 1), section(DOING, "Doing", 2)];
    const tasks = [task("b", TODO, 2), task("loose", null, 1), task("a", TODO, 1.5), task("c", DOING, 0)];
    expect(shape(groupBySection(tasks, sections))).toEqual([["No section", ["loose"]], ["To do", ["b", "a"]], ["Doing", ["c"]]]);
    expect(shape(groupBySection(tasks, sections, { byPosition: true }))).toEqual([["No section", ["loose"]], ["To do", ["a", "b"]], ["Doing", ["c"]]]);
  });

  it("shows a task of a deleted or unknown section under No section, and no column for a deleted section", () => {
    const sections = [section(TODO, "To do", 1), section(GONE, "Old", 2, at)];
    const tasks = [task("orphan", GONE, 1), task("unknown", DOING, 2)];
    expect(shape(groupBySection(tasks, sections))).toEqual([["No section", ["orphan", "unknown"]], ["To do", []]]);
  });
});
