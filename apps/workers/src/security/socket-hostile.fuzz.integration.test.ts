// Hostile Socket.IO clients, property-based (fast-check). Room isolation itself is proven in
// src/realtime/socket-server.integration.test.ts (own room only, A's changes never reach B,
// forged/expired/tampered tokens refused, no "join"/"subscribe"); this adds the fuzzing:
// - any handshake auth that is not a valid token of ours is refused;
// - user B sending arbitrary event names and payloads (and arbitrary refresh tokens) gets an
//   error ack, stays connected, stays in B's room only, never receives A's changes, writes nothing.
import { appendUserChange } from "@taskboard/db";
import { createTestDatabase, type TestDatabase } from "@taskboard/db/testing";
import { sampleTask, waitFor } from "@taskboard/events/contract";
import fc from "fast-check";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDatabaseUrl } from "../testing/admin-database-url.ts";
import { signRealtimeToken } from "@taskboard/realtime/token";
import { createRealtimeServer, type RealtimeServer } from "../realtime/socket-server.ts";
import { connectClient, settle, TEST_SECRET, tokenFor, type TestClient } from "../realtime/testing/socket-clients.ts";
import { userRoom } from "@taskboard/realtime";

const log = pino({ level: "silent" });
/** Names socket.io-client itself refuses to emit. */
const RESERVED = new Set(["connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener"]);

let database: TestDatabase;
let server: RealtimeServer;
let port: number;
let alice: TestClient;
let bob: TestClient;

beforeAll(async () => {
  database = await createTestDatabase(adminDatabaseUrl());
  server = createRealtimeServer({ db: database.db, databaseUrl: database.url, tokenSecret: TEST_SECRET, log });
  port = await server.listen(0);
  alice = await connectClient(port, { token: tokenFor("user-a") });
  bob = await connectClient(port, { token: tokenFor("user-b") });
  await appendUserChange(database.db, { userId: "user-a", kind: "task.upserted", entityId: "a-task", version: 1, payload: { title: "A's secret" }, eventId: "a-1" });
});
afterAll(async () => {
  alice?.socket.close();
  bob?.socket.close();
  await server?.close();
  await database?.drop();
});

async function roomsOf(userId: string): Promise<string[][]> {
  return (await server.io.in(userRoom(userId)).fetchSockets()).map((s) => [...s.rooms].filter((room) => room.startsWith("user:")));
}

describe("hostile handshakes", () => {
  const validA = tokenFor("user-a");
  const [body = "", signature = ""] = validA.split(".");
  const tokenish = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.tuple(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 })).map(([a, b]) => `${a}.${b}`),
    fc.string({ minLength: 1, maxLength: 4 }).map((s) => `${body}.${signature.slice(0, -s.length)}${s}`),
    fc.string({ minLength: 1, maxLength: 4 }).map((s) => `${body.slice(0, -s.length)}${s}.${signature}`),
    fc.constant(tokenFor("user-a", "some-other-secret-that-is-32-characters-long")),
    fc.constant(signRealtimeToken("user-a", TEST_SECRET, new Date(Date.now() - 1))),
  );
  const auth = fc.oneof(
    tokenish.map((token) => ({ token })),
    fc.record({ token: fc.jsonValue({ maxDepth: 3 }) }),
    fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 })),
  );

  it("refuses every handshake that does not carry a valid token of ours", async () => {
    await fc.assert(
      fc.asyncProperty(auth, async (candidate) => {
        // (A random string that happens to equal the valid token is not a counterexample.)
        fc.pre((candidate as { token?: unknown }).token !== validA);
        await expect(connectClient(port, candidate as Record<string, unknown>)).rejects.toThrow("unauthorized");
      }),
      { numRuns: 60 },
    );
    expect(await roomsOf("user-a")).toEqual([["user:user-a"]]);
  });
});

describe("hostile messages from user B", () => {
  const eventName = fc.oneof(
    fc.constantFrom("join", "subscribe", "sync:latest", "auth:refresh", "change", "__proto__", "constructor", "toString", "hasOwnProperty"),
    fc.string({ minLength: 1, maxLength: 40 }),
  ).filter((name) => !RESERVED.has(name));
  const payload = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.constantFrom({ room: "user:user-a" }, { userId: "user-a" }, { token: tokenFor("user-a", "wrong-secret-wrong-secret-wrong-secret!!") }, "user:user-a"),
    fc.record({ token: fc.string({ maxLength: 300 }) }),
  );

  it("every message gets an ack; anything invalid is an error; B stays B", async () => {
    const changesBefore = await database.db.userChange.count();
    await fc.assert(
      fc.asyncProperty(eventName, fc.array(payload, { maxLength: 3 }), async (name, args) => {
        const ack = (await bob.socket.timeout(5_000).emitWithAck(name, ...args)) as { ok: boolean; error?: unknown; data?: unknown };
        expect(typeof ack.ok).toBe("boolean");
        if (!ack.ok) expect(typeof ack.error).toBe("string");
        // The only messages that may succeed are the two known ones with their exact shape.
        if (ack.ok) expect(["sync:latest", "auth:refresh"]).toContain(name);
        if (ack.ok && name === "sync:latest") expect(ack.data).toEqual({ latestSeq: 0 });
        expect(bob.socket.connected).toBe(true);
      }),
      { numRuns: 150 },
    );
    // Still exactly one socket per user, each in its own room only.
    expect(await roomsOf("user-b")).toEqual([["user:user-b"]]);
    expect(await roomsOf("user-a")).toEqual([["user:user-a"]]);
    expect(await database.db.userChange.count()).toBe(changesBefore);

    // And A's live changes still reach A only.
    alice.changes.length = 0;
    bob.changes.length = 0;
    const secret = sampleTask("user-a", { title: "A's secret", version: 2 });
    server.emitToUser("user-a", { seq: 1, kind: "task.upserted", entityId: secret.id, version: 2, payload: secret });
    await waitFor("A's change", async () => alice.changes.length === 1);
    await settle();
    expect(bob.changes).toEqual([]);
  });

  it("a refresh with anything but B's own fresh token never turns B's socket into A's", async () => {
    const refresh = fc.oneof(
      fc.constant(tokenFor("user-a")),
      fc.string({ maxLength: 300 }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(refresh, async (token) => {
        const ack = (await bob.socket.timeout(5_000).emitWithAck("auth:refresh", { token })) as { ok: boolean };
        expect(ack.ok).toBe(false);
      }),
      { numRuns: 50 },
    );
    expect(await roomsOf("user-b")).toEqual([["user:user-b"]]);
    expect(await bob.socket.timeout(5_000).emitWithAck("sync:latest", {})).toEqual({ ok: true, data: { latestSeq: 0 } });
  });
});
