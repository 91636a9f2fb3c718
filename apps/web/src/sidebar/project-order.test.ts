// Moving a project one place up or down in the sidebar.
import { describe, expect, it } from "vitest";
import { positionAfterStep } from "./project-order";

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
