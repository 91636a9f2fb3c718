import type { Active, ClientRect, DroppableContainer } from "@dnd-kit/core";
import { describe, expect, it } from "vitest";
import { COLUMN_DRAG_DATA, columnDragId, columnDropIndex, isColumnDrag, kanbanCollisions, sectionOfColumnDrag } from "./column-drag";

const rect = (left: number, top = 0, width = 100, height = 100): ClientRect => ({ left, top, width, height, right: left + width, bottom: top + height });

function container(id: string, at: ClientRect, data?: typeof COLUMN_DRAG_DATA): DroppableContainer {
  return { id, key: id, data: { current: data }, disabled: false, node: { current: null }, rect: { current: at } } as unknown as DroppableContainer;
}

describe("column drag ids", () => {
  it("round-trip a section id and tell a column from a card or a drop zone", () => {
    expect(sectionOfColumnDrag(columnDragId("s1"))).toBe("s1");
    expect(sectionOfColumnDrag("section:s1")).toBeNull();
    expect(sectionOfColumnDrag("6f1c2a34-1b2c-4d5e-8f90-123456789abc")).toBeNull();
    expect(isColumnDrag({ data: { current: COLUMN_DRAG_DATA } } as unknown as Active)).toBe(true);
    expect(isColumnDrag({ data: { current: undefined } } as unknown as Active)).toBe(false);
  });

  it("drop index: the place of the section dropped on, nothing for a card or nowhere", () => {
    expect(columnDropIndex(["a", "b", "c"], columnDragId("c"))).toBe(2);
    expect(columnDropIndex(["a", "b", "c"], "section:c")).toBeNull();
    expect(columnDropIndex(["a", "b", "c"], undefined)).toBeNull();
    expect(columnDropIndex(["a", "b", "c"], columnDragId("gone"))).toBeNull();
  });
});

describe("kanbanCollisions", () => {
  // A card lies right under the dragged column's centre; the "b" column further off.
  const droppableContainers = [
    container("card-1", rect(200, 20, 100, 30)),
    container("section:b", rect(200)),
    container(columnDragId("a"), rect(0), COLUMN_DRAG_DATA),
    container(columnDragId("b"), rect(220), COLUMN_DRAG_DATA),
  ];
  const args = (active: Active) => ({
    active,
    collisionRect: rect(200, 0),
    droppableRects: new Map(droppableContainers.map((c) => [c.id, c.rect.current as ClientRect])),
    droppableContainers,
    pointerCoordinates: null,
  });

  it("lets a column collide only with columns", () => {
    const hits = kanbanCollisions(args({ id: columnDragId("a"), data: { current: COLUMN_DRAG_DATA } } as unknown as Active));
    expect(hits.map((hit) => hit.id)).toEqual([columnDragId("b"), columnDragId("a")]);
  });

  it("lets a card collide only with cards and column drop zones", () => {
    const hits = kanbanCollisions(args({ id: "card-2", data: { current: undefined } } as unknown as Active));
    expect(hits.map((hit) => String(hit.id)).sort()).toEqual(["card-1", "section:b"]);
  });
});
