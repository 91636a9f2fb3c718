import { describe, expect, it } from "vitest";
import type { Section } from "../types";
import { movedSectionPosition, sectionPositionAt } from "./use-section-editing";

const at = "2026-01-01T00:00:00.000Z";
const section = (id: string, position: number): Section => ({
  id,
  projectId: "00000000-0000-4000-8000-0000000000aa",
  name: id,
  position,
  version: 1,
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
});
const sections = [section("c", 3), section("a", 1), section("b", 2)];
const byId = (id: string) => sections.find((s) => s.id === id) as Section;

describe("moving a section one place", () => {
  it("puts it between its new neighbours", () => {
    expect(movedSectionPosition(sections, byId("c"), -1)).toBe(1.5);
    expect(movedSectionPosition(sections, byId("a"), 1)).toBe(2.5);
  });

  it("goes past the end when it becomes first or last", () => {
    expect(movedSectionPosition(sections, byId("b"), -1)).toBe(0);
    expect(movedSectionPosition(sections, byId("b"), 1)).toBe(4);
  });

  it("cannot move the first section back or the last one forward", () => {
    expect(movedSectionPosition(sections, byId("a"), -1)).toBeNull();
    expect(movedSectionPosition(sections, byId("c"), 1)).toBeNull();
  });
});

describe("putting a section where its column was dropped", () => {
  it("takes the place it was dropped on, between its new neighbours", () => {
    expect(sectionPositionAt(sections, byId("c"), 0)).toBe(0);
    expect(sectionPositionAt(sections, byId("a"), 2)).toBe(4);
    expect(sectionPositionAt(sections, byId("a"), 1)).toBe(2.5);
    expect(sectionPositionAt(sections, byId("c"), 1)).toBe(1.5);
  });

  it("changes nothing when dropped where it already is, or outside the sections", () => {
    expect(sectionPositionAt(sections, byId("b"), 1)).toBeNull();
    expect(sectionPositionAt(sections, byId("b"), -1)).toBeNull();
    expect(sectionPositionAt(sections, byId("b"), 3)).toBeNull();
  });
});
