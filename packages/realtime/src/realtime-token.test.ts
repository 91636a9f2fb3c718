import { describe, expect, it } from "vitest";
import { REALTIME_TOKEN_TTL_MS, signRealtimeToken, verifyRealtimeToken } from "./realtime-token.ts";

const SECRET = "a-secret-that-is-at-least-32-characters";

describe("realtime token", () => {
  const now = new Date("2026-05-04T07:00:00Z");
  const token = signRealtimeToken("user-a", SECRET, new Date(now.getTime() + REALTIME_TOKEN_TTL_MS));

  it("verifies what it signed, naming the user and the expiry", () => {
    expect(verifyRealtimeToken(token, SECRET, now)).toEqual({ ok: true, userId: "user-a", expiresAt: new Date(now.getTime() + REALTIME_TOKEN_TTL_MS) });
  });

  it("refuses another secret, a tampered body, an expired token and garbage, without throwing", () => {
    const other = signRealtimeToken("user-b", SECRET, new Date(now.getTime() + 60_000));
    const cases: [unknown, string][] = [
      [`${other.split(".")[0]}.${token.split(".")[1]}`, "bad signature"],
      [undefined, "missing token"],
      ["x".repeat(2000), "malformed token"],
      ["a.b.c", "malformed token"],
    ];
    expect(verifyRealtimeToken(token, "another-secret-of-32-characters-long!", now)).toEqual({ ok: false, reason: "bad signature" });
    for (const [input, reason] of cases) expect(verifyRealtimeToken(input, SECRET, now)).toEqual({ ok: false, reason });
    expect(verifyRealtimeToken(token, SECRET, new Date(now.getTime() + REALTIME_TOKEN_TTL_MS))).toEqual({ ok: false, reason: "expired token" });
  });
});
