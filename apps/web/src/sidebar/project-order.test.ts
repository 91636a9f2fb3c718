// Moving a project one place up or down in the sidebar.
import { describe, expect, it } from "vitest";
import { positionAfterStep, positionAtIndex } from "./project-order";

describe("positionAfterStep", () => {
  const positions = [1, 2, 4];
  it("goes halfway past the neighbour it passes", () => {
    expect(positionAfterStep(positions, 2, -1)).toBe(1.5);
    expect(positionAfterStep(positions, 0, 1)).toBe(3);
  });
  it("goes one step past the end, and nowhere beyond either end", () => {
    expect(positionAfterStep(positions, 1, -1)).toBe(0);
    expect(positionAfterStep(positions, 1, 1)).toBe(5);
    expect(positionAfterStep(positions, 0, -1)).toBeNull();
    expect(positionAfterStep(positions, 2, 1)).toBeNull();
  });
});

describe("positionAtIndex", () => {
  const positions = [1, 2, 4, 8];
  it("drops a project between its new neighbours, only its own position changing", () => {
    expect(positionAtIndex(positions, 3, 1)).toBe(1.5);
    expect(positionAtIndex(positions, 0, 2)).toBe(6);
  });
  it("drops at either end one step beyond, and ignores a drop in place", () => {
    expect(positionAtIndex(positions, 2, 0)).toBe(0);
    expect(positionAtIndex(positions, 0, 3)).toBe(9);
    expect(positionAtIndex(positions, 1, 1)).toBeNull();
  });
});
