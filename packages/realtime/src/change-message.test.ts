import { describe, expect, it } from "vitest";
import { ZUserChangeMessageSchema } from "./change-message.ts";

const projectId = "6f1c2a34-1b2c-4d5e-8f90-123456789abc";

describe("change message schema", () => {
  it("accepts each kind with its own payload", () => {
    expect(ZUserChangeMessageSchema.parse({ seq: 3, kind: "project.left", entityId: projectId, version: 2, payload: { projectId } })).toMatchObject({ kind: "project.left" });
    expect(ZUserChangeMessageSchema.safeParse({ seq: 1, kind: "members.changed", entityId: projectId, version: 0, payload: { projectId } }).success).toBe(true);
  });

  it("refuses an unknown kind, a payload of another kind and a seq below 1", () => {
    const refused = [
      { seq: 1, kind: "project.deleted", entityId: projectId, version: 1, payload: { projectId } },
      { seq: 1, kind: "project.joined", entityId: projectId, version: 1, payload: { projectId } },
      { seq: 0, kind: "project.left", entityId: projectId, version: 1, payload: { projectId } },
    ];
    for (const message of refused) expect(ZUserChangeMessageSchema.safeParse(message).success, message.kind).toBe(false);
  });
});
