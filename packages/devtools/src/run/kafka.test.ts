import { describe, expect, it } from "vitest";
import { kafkaClusterId } from "./kafka.ts";

describe("kafkaClusterId", () => {
  it("is 16 bytes in base64url without padding", () => {
    expect(kafkaClusterId()).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
  });

  it("never starts with '-', which Kafka's storage tool would take for an option", () => {
    // 0xf8 encodes to base64url "-" first; the second draw does not.
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0x10)];
    const id = kafkaClusterId(() => draws.shift() ?? Buffer.alloc(16));
    expect(Buffer.alloc(16, 0xf8).toString("base64url").startsWith("-")).toBe(true);
    expect(id).toBe(Buffer.alloc(16, 0x10).toString("base64url"));
  });
});
