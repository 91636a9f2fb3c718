import { describe, expect, it } from "vitest";
import { columnOf, moveOver, placeIn, type Columns } from "./drag-columns";

const board = (): Columns => ({ "section:none": ["n1"], "section:a": ["a1", "a2", "a3"], "section:b": [] });

describe("moveOver", () => {
  it("reorders within a column to the place of the card it is over", () => {
    expect(moveOver(board(), "a1", "a3", false)["section:a"]).toEqual(["a2", "a3", "a1"]);
    expect(moveOver(board(), "a3", "a1", false)["section:a"]).toEqual(["a3", "a1", "a2"]);
  });

  it("moves a card into another column above or below the card it is over", () => {
    const above = moveOver(board(), "n1", "a2", false);
    expect(above["section:none"]).toEqual([]);
    expect(above["section:a"]).toEqual(["a1", "n1", "a2", "a3"]);
    expect(moveOver(board(), "n1", "a2", true)["section:a"]).toEqual(["a1", "a2", "n1", "a3"]);
  });

  it("drops at the end of a column when over the column itself, empty or not", () => {
    expect(moveOver(board(), "a2", "section:b", false)["section:b"]).toEqual(["a2"]);
    expect(moveOver(board(), "a2", "section:none", false)["section:none"]).toEqual(["n1", "a2"]);
  });

  it("leaves the columns alone for an unknown card or over itself", () => {
    const columns = board();
    expect(moveOver(columns, "zz", "a1", false)).toBe(columns);
    expect(moveOver(columns, "a1", "a1", false)).toBe(columns);
    expect(moveOver(columns, "a1", "section:a", false)).toBe(columns);
  });
});

describe("columnOf / placeIn", () => {
  it("finds a card's column and index, and a column by its key", () => {
    expect(columnOf(board(), "a2")).toBe("section:a");
    expect(columnOf(board(), "section:b")).toBe("section:b");
    expect(placeIn(board(), "a3")).toEqual({ column: "section:a", index: 2 });
    expect(placeIn(board(), "nope")).toBeNull();
  });
});
