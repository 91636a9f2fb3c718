import type { Active, Over } from "@dnd-kit/core";
import { describe, expect, it } from "vitest";
import { kanbanAnnouncements, type CardPlace } from "./announcements";

const places: Record<string, CardPlace> = {
  now: { column: "To do", position: 1, count: 3 },
  over: { column: "Doing", position: 2, count: 2 },
};
const announcements = kanbanAnnouncements({
  title: (id) => (id === "t1" ? "Buy milk" : "?"),
  placeOf: (_id, overId) => (overId ? (places.over ?? null) : (places.now ?? null)),
  sectionName: (id) => ({ s1: "To do", s2: "Doing" })[id] ?? "?",
});
const active = { id: "t1" } as Active;
const over = { id: "section:doing" } as Over;

describe("kanban announcements", () => {
  it("name the task and the column in plain words", () => {
    expect(announcements.onDragStart({ active })).toBe("Picked up task “Buy milk” in To do, position 1 of 3.");
    expect(announcements.onDragOver({ active, over })).toBe("Task “Buy milk” is over Doing, position 2 of 2.");
    expect(announcements.onDragEnd({ active, over })).toBe("Moved task “Buy milk” to To do, position 1 of 3.");
    expect(announcements.onDragCancel({ active, over: null })).toBe("Moving task “Buy milk” was cancelled. It stays in To do, position 1 of 3.");
  });

  it("stay silent while the card is over the same place, so the pick-up message is not cut short", () => {
    announcements.onDragStart({ active });
    expect(announcements.onDragOver({ active, over: { id: "t1" } as Over })).toBeUndefined();
    expect(announcements.onDragOver({ active, over })).toBe("Task “Buy milk” is over Doing, position 2 of 2.");
    expect(announcements.onDragOver({ active, over })).toBeUndefined();
    expect(announcements.onDragOver({ active, over: { id: "t1" } as Over })).toBe("Task “Buy milk” is over Doing, position 2 of 2.");
  });

  it("say when the card is not over a column", () => {
    announcements.onDragStart({ active });
    expect(announcements.onDragOver({ active, over: null })).toBe("Task “Buy milk” is not over a column.");
    expect(announcements.onDragEnd({ active, over: null })).toBe("Task “Buy milk” was dropped outside the columns and stays where it was.");
  });
});

describe("kanban announcements for a column dragged by its handle", () => {
  const column = { id: "column:s1" } as Active;
  const onto = { id: "column:s2" } as Over;

  it("name the section and the place it goes to", () => {
    expect(announcements.onDragStart({ active: column })).toBe("Picked up section “To do”.");
    expect(announcements.onDragOver({ active: column, over: onto })).toBe("Section “To do” is over the place of section “Doing”.");
    expect(announcements.onDragEnd({ active: column, over: onto })).toBe("Moved section “To do” to the place of section “Doing”.");
    expect(announcements.onDragCancel({ active: column, over: null })).toBe("Moving section “To do” was cancelled.");
  });

  it("say it stays when dropped on its own place or outside", () => {
    expect(announcements.onDragOver({ active: column, over: { id: "column:s1" } as Over })).toBeUndefined();
    expect(announcements.onDragEnd({ active: column, over: null })).toBe("Section “To do” stays where it was.");
  });
});
