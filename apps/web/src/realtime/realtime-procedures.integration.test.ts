// realtime.changesSince and realtime.token through the real router on a real database: each user
// reads only their own feed, paging works, bad input is refused, and tokens verify as the workers
// verify them.
import { createHmac } from "node:crypto";
import { appendUserChange } from "@taskboard/db";
import type { TestDatabase } from "@taskboard/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, insertUser, openTestDatabase } from "@/server/testing/test-database";
import type { TSessionUser } from "@/server/session-user";
import { issueRealtimeToken } from "./issue-realtime-token.handler";

let testDb: TestDatabase;
let ada: TSessionUser;
let bob: TSessionUser;

beforeAll(async () => {
  testDb = await openTestDatabase();
  ada = await insertUser(testDb.db, "Ada");
  bob = await insertUser(testDb.db, "Bob");
  for (let i = 1; i <= 5; i++) {
    await appendUserChange(testDb.db, { userId: ada.id, kind: "task.upserted", entityId: `ada-${i}`, version: i, payload: { i }, eventId: `ada-e${i}` });
  }
  await appendUserChange(testDb.db, { userId: bob.id, kind: "task.removed", entityId: "bob-1", version: 2, payload: { secret: "bob's" }, eventId: "bob-e1" });
});
afterAll(() => testDb.drop());

describe("realtime.changesSince", () => {
  it("returns only the caller's changes after the seq, oldest first, in pages", async () => {
    const first = await callerFor(testDb.db, ada).realtime.changesSince({ afterSeq: 1, limit: 3 });
    expect(first.changes.map((c) => [c.seq, c.entityId])).toEqual([[2, "ada-2"], [3, "ada-3"], [4, "ada-4"]]);
    expect(first).toMatchObject({ latestSeq: 5, hasMore: true });
    const rest = await callerFor(testDb.db, ada).realtime.changesSince({ afterSeq: 4, limit: 3 });
    expect(rest.changes.map((c) => c.entityId)).toEqual(["ada-5"]);
    expect(rest).toMatchObject({ latestSeq: 5, hasMore: false });
  });

  it("never shows one user's feed to another", async () => {
    const bobs = await callerFor(testDb.db, bob).realtime.changesSince({ afterSeq: 0 });
    expect(bobs.changes).toEqual([{ seq: 1, kind: "task.removed", entityId: "bob-1", version: 2, payload: { secret: "bob's" } }]);
    expect(bobs.latestSeq).toBe(1);
    const adas = await callerFor(testDb.db, ada).realtime.changesSince({ afterSeq: 0 });
    expect(adas.changes.map((c) => c.entityId)).not.toContain("bob-1");
    const stranger = await insertUser(testDb.db, "Eve");
    expect(await callerFor(testDb.db, stranger).realtime.changesSince({ afterSeq: 0 })).toEqual({ changes: [], latestSeq: 0, hasMore: false });
  });

  it("refuses a signed-out caller and bad input", async () => {
    await expect(callerFor(testDb.db, null).realtime.changesSince({ afterSeq: 0 })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(testDb.db, ada).realtime.changesSince({ afterSeq: -1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(testDb.db, ada).realtime.changesSince({ afterSeq: 0, limit: 501 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      callerFor(testDb.db, ada).realtime.changesSince({ afterSeq: 0, userId: bob.id } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("realtime.token", () => {
  const secret = "web-and-workers-share-this-secret-of-32+";

  it("signs the caller's id with a short expiry in the format the workers verify", () => {
    const now = new Date("2026-05-10T12:00:00Z");
    const issued = issueRealtimeToken({ user: ada, settings: { tokenSecret: secret, socketUrl: "http://localhost:3003" }, now });
    if (!issued.enabled) throw new Error("expected a token");
    const [body, signature] = issued.token.split(".");
    expect(createHmac("sha256", secret).update(body ?? "").digest("base64url")).toBe(signature);
    const claims = JSON.parse(Buffer.from(body ?? "", "base64url").toString("utf8"));
    expect(claims).toEqual({ sub: ada.id, exp: Math.floor(now.getTime() / 1000) + 120 });
    expect(issued).toMatchObject({ url: "http://localhost:3003", userId: ada.id, expiresAt: "2026-05-10T12:02:00.000Z" });
  });

  it("says live updates are off when no secret is configured", () => {
    expect(issueRealtimeToken({ user: ada, settings: {} })).toEqual({ enabled: false });
  });

  it("is refused to a signed-out caller", async () => {
    await expect(callerFor(testDb.db, null).realtime.token()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
