// The Socket.IO server for real, with socket.io-client over websockets and the PostgreSQL
// adapter on a test database: auth, per-user rooms, two replicas, and hostile client input.
import { appendUserChange } from "@taskboard/db";
import { createTestDatabase, type TestDatabase } from "@taskboard/db/testing";
import { taskCreated, TOPICS } from "@taskboard/events";
import { waitFor } from "@taskboard/events/contract";
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { syncConsumer } from "../consumers/sync/sync.consumer.ts";
import { join, person, sharedProject, taskEvent, taskIn } from "../consumers/testing/shared-project.ts";
import { createConsumerSubscription } from "../runtime/consumer-subscription.ts";
import { adminDatabaseUrl } from "../testing/admin-database-url.ts";
import { createRealtimeServer, type RealtimeServer } from "./socket-server.ts";
import { connectClient, settle, TEST_SECRET, tokenFor, type TestClient } from "./testing/socket-clients.ts";
import { signRealtimeToken } from "@taskboard/realtime/token";
import { userRoom, type TUserChangeMessage } from "@taskboard/realtime";

const log = pino({ level: "silent" });
// The server relays whatever the consumers committed; these tests check delivery, not payloads.
const change = (seq: number) => ({ seq, kind: "task.upserted", entityId: `task-${seq}`, version: 1, payload: { n: seq } }) as unknown as TUserChangeMessage;

describe("realtime socket server", () => {
  let database: TestDatabase;
  const servers: RealtimeServer[] = [];
  const clients: TestClient[] = [];

  async function startServer() {
    const server = createRealtimeServer({ db: database.db, databaseUrl: database.url, tokenSecret: TEST_SECRET, log });
    servers.push(server);
    return { server, port: await server.listen(0) };
  }
  async function client(port: number, userId: string) {
    const c = await connectClient(port, { token: tokenFor(userId) });
    clients.push(c);
    return c;
  }

  beforeAll(async () => {
    database = await createTestDatabase(adminDatabaseUrl());
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.socket.close();
    for (const s of servers.splice(0)) await s.close();
  });
  afterAll(() => database.drop());

  it("refuses a handshake without a token, with a forged, malformed or expired one", async () => {
    const { port } = await startServer();
    const refusals = [
      undefined,
      {},
      { token: 42 },
      { token: "not.a-token" },
      { token: tokenFor("user-a", "another-secret-that-is-also-32-characters-long") },
      { token: signRealtimeToken("user-a", TEST_SECRET, new Date(Date.now() - 1_000)) },
      // A valid signature with a tampered body (user swapped).
      { token: `${tokenFor("user-b").split(".")[0]}.${tokenFor("user-a").split(".")[1]}` },
    ];
    for (const auth of refusals) {
      await expect(connectClient(port, auth), JSON.stringify(auth)).rejects.toThrow("unauthorized");
    }
    const ok = await client(port, "user-a");
    expect(ok.socket.connected).toBe(true);
  });

  it("puts a socket in its own user's room and nowhere else", async () => {
    const { server, port } = await startServer();
    const a = await client(port, "user-a");
    const [remote] = await server.io.in(userRoom("user-a")).fetchSockets();
    expect(remote?.id).toBe(a.socket.id);
    expect([...(remote?.rooms ?? [])].sort()).toEqual([a.socket.id, "user:user-a"].sort());
  });

  it("delivers a change to both of A's sockets and none of B's", async () => {
    const { server, port } = await startServer();
    const [a1, a2, b] = [await client(port, "user-a"), await client(port, "user-a"), await client(port, "user-b")];
    server.emitToUser("user-a", change(1));
    await waitFor("both A sockets", async () => a1.changes.length === 1 && a2.changes.length === 1);
    await settle();
    expect(a1.changes).toEqual([change(1)]);
    expect(a2.changes).toEqual([change(1)]);
    expect(b.changes).toEqual([]);
  });

  it("reaches a socket held by another replica through the PostgreSQL adapter, small and large", async () => {
    const one = await startServer();
    const two = await startServer();
    const a = await client(two.port, "user-a");
    const b = await client(two.port, "user-b");
    // Replica one sees replica two's socket once the adapter's LISTEN is up on both.
    await waitFor("the adapter links the replicas", async () => (await one.server.io.in("user:user-a").fetchSockets()).length === 1);
    one.server.emitToUser("user-a", change(1));
    // Over NOTIFY's 8000-byte limit: travels through socket_io_attachments.
    const large = { ...change(2), payload: { description: "x".repeat(20_000) } } as unknown as TUserChangeMessage;
    one.server.emitToUser("user-a", large);
    await waitFor("both changes on replica two", async () => a.changes.length === 2);
    expect(a.changes).toEqual([change(1), large]);
    await settle();
    expect(b.changes).toEqual([]);
  });

  it("carries a change to a shared task to every member's sockets and not to a stranger's", async () => {
    const { server, port } = await startServer();
    const [ada, bo, stranger] = [await person(database.db, "Ada"), await person(database.db, "Bo"), await person(database.db, "Cy")];
    const project = await sharedProject(database.db, ada);
    await join(database.db, project, bo);
    const [a, b, c] = [await client(port, ada.id), await client(port, bo.id), await client(port, stranger.id)];
    const task = taskIn(project, ada, { title: "Shared" });
    const sync = createConsumerSubscription(syncConsumer, { db: database.db, log, changes: server });
    expect(await sync.handle({ topic: TOPICS.taskEvents, event: taskEvent(taskCreated, bo, { task }), attempt: 1 })).toBe("SUCCESS");
    await waitFor("both members' sockets", async () => a.changes.length === 1 && b.changes.length === 1);
    await settle();
    for (const member of [a, b]) expect(member.changes).toEqual([expect.objectContaining({ seq: 1, kind: "task.upserted", entityId: task.id, payload: task })]);
    expect(c.changes).toEqual([]);
  });

  it("answers unknown or malformed messages with an error and changes nothing", async () => {
    const { server, port } = await startServer();
    const a = await client(port, "user-a");
    await appendUserChange(database.db, { userId: "user-a", kind: "task.upserted", entityId: "t", version: 1, payload: {}, eventId: "e-1" });
    const before = await database.db.userChange.count();

    expect(await a.socket.timeout(5_000).emitWithAck("join", "user:user-b")).toEqual({ ok: false, error: 'unknown message "join"' });
    expect(await a.socket.timeout(5_000).emitWithAck("sync:latest", { evil: true })).toMatchObject({ ok: false });
    expect(await a.socket.timeout(5_000).emitWithAck("sync:latest", "text")).toMatchObject({ ok: false });
    const errors: unknown[] = [];
    a.socket.on("error:message", (e) => errors.push(e));
    a.socket.emit("subscribe", { room: "user:user-b" });
    await waitFor("the error event", async () => errors.length === 1);
    expect(errors[0]).toEqual({ ok: false, error: 'unknown message "subscribe"' });

    // The one valid message still works and the socket is still only in its own room.
    expect(await a.socket.timeout(5_000).emitWithAck("sync:latest", {})).toEqual({ ok: true, data: { latestSeq: 1 } });
    const [remote] = await server.io.in("user:user-a").fetchSockets();
    expect([...(remote?.rooms ?? [])]).not.toContain("user:user-b");
    expect(await database.db.userChange.count()).toBe(before);
  });

  it("disconnects a socket when its token expires, unless refreshed with a token of the same user", async () => {
    const { port } = await startServer();
    const shortLived = () => signRealtimeToken("user-a", TEST_SECRET, new Date(Date.now() + 3_000));
    const expiring = await connectClient(port, { token: shortLived() });
    const refreshed = await connectClient(port, { token: shortLived() });
    clients.push(expiring, refreshed);
    const dropped = new Promise<string>((resolve) => expiring.socket.once("disconnect", resolve));

    expect(await refreshed.socket.timeout(5_000).emitWithAck("auth:refresh", { token: tokenFor("user-b") })).toEqual({ ok: false, error: "token refused" });
    expect(await refreshed.socket.timeout(5_000).emitWithAck("auth:refresh", { token: 7 })).toMatchObject({ ok: false });
    expect(await refreshed.socket.timeout(5_000).emitWithAck("auth:refresh", { token: tokenFor("user-a") })).toMatchObject({ ok: true });

    expect(await dropped).toBe("io server disconnect");
    expect(refreshed.socket.connected).toBe(true);
  });

  it("drops a connection that sends a frame over the size limit", async () => {
    const { port } = await startServer();
    const a = await client(port, "user-a");
    const closed = new Promise<string>((resolve) => a.socket.once("disconnect", resolve));
    a.socket.emit("sync:latest", { padding: "x".repeat(64 * 1024) });
    expect(await closed).toBe("transport close");
  });
});
