import { describe, expect, it } from "vitest";
import { dropPosition, positionBetween } from "./drop-position";

const column = (...positions: number[]) => positions.map((position) => ({ position }));

describe("positionBetween", () => {
  it("takes the midpoint between two neighbours", () => {
    expect(positionBetween(1, 2)).toBe(1.5);
    expect(positionBetween(-3, 5)).toBe(1);
  });

  it("goes one step past the end it is dropped at", () => {
    expect(positionBetween(undefined, 4)).toBe(3);
    expect(positionBetween(4, undefined)).toBe(5);
  });

  it("gives an empty column's first card position 0", () => {
    expect(positionBetween(undefined, undefined)).toBe(0);
  });

  it("stays strictly between close neighbours after many drops in the same gap", () => {
    let after = 2;
    for (let i = 0; i < 40; i++) {
      const p = positionBetween(1, after);
      expect(p).toBeGreaterThan(1);
      expect(p).toBeLessThan(after);
      after = p;
    }
  });
});

describe("dropPosition", () => {
  it("puts a card at the top, between two cards, or at the bottom of a column", () => {
    const tasks = column(1, 2, 3);
    expect(dropPosition(tasks, 0)).toBe(0);
    expect(dropPosition(tasks, 1)).toBe(1.5);
    expect(dropPosition(tasks, 2)).toBe(2.5);
    expect(dropPosition(tasks, 3)).toBe(4);
  });

  it("treats an index past either end as that end", () => {
    expect(dropPosition(column(1, 2), 9)).toBe(3);
    expect(dropPosition(column(1, 2), -4)).toBe(0);
  });

  it("drops into an empty column", () => {
    expect(dropPosition([], 0)).toBe(0);
  });
});
