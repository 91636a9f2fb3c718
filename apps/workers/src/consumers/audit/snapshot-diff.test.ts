import { sampleTask } from "@taskboard/events/contract";
import { describe, expect, it } from "vitest";
import { snapshotDiff } from "./snapshot-diff.ts";

const home = { id: "6f1c2a34-1b2c-4d5e-8f90-123456789abc", name: "home", color: "#64748b" };
const diy = { id: "7a2d3b45-2c3d-4e6f-9a01-23456789abcd", name: "diy", color: "#22c55e" };

describe("audit diff of a tag change", () => {
  const before = sampleTask("user-a", { version: 2, tags: [diy, home] });
  const after = (tags: (typeof home)[]) => ({ ...before, version: 3, tags });

  it("says which tag went, by name", () => {
    expect(snapshotDiff(before, after([diy]))).toEqual([{ field: "tags", before: ["diy", "home"], after: ["diy"] }]);
  });

  it("says a renamed tag's old and new name", () => {
    expect(snapshotDiff(before, after([diy, { ...home, name: "house" }]))).toEqual([
      { field: "tags", before: ["diy", "home"], after: ["diy", "house"] },
    ]);
  });

  it("says a recoloured tag's old and new colour, which the names alone would not show", () => {
    expect(snapshotDiff(before, after([diy, { ...home, color: "#ff0000" }]))).toEqual([
      { field: "tagColors", before: ["home #64748b"], after: ["home #ff0000"] },
    ]);
  });
});
