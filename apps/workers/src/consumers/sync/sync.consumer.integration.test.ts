// The sync consumer on a real database: one feed row per event with a per-user seq that stays
// strictly increasing under concurrency, a push only after commit and never twice, and the whole
// path (embedded bus -> consumer on replica one -> adapter -> socket on replica two).
import { createTestDatabase, type TestDatabase } from "@taskboard/db/testing";
import { listUserChangesSince, pruneUserChanges } from "@taskboard/db";
import { TOPICS } from "@taskboard/events";
import { sampleEvent, sampleTask, waitFor } from "@taskboard/events/contract";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startWorkers, type RunningWorkers } from "../../start-workers.ts";
import { createRealtimeServer, type RealtimeServer } from "../../realtime/socket-server.ts";
import { connectClient, settle, TEST_SECRET, tokenFor, type TestClient } from "../../realtime/testing/socket-clients.ts";
import type { TUserChangeMessage } from "@taskboard/realtime";
import { createConsumerSubscription } from "../../runtime/consumer-subscription.ts";
import { adminDatabaseUrl } from "../../testing/admin-database-url.ts";
import { syncRemindersConsumer } from "./sync-reminders.consumer.ts";
import { syncConsumer } from "./sync.consumer.ts";

const log = pino({ level: "silent" });

describe("sync consumer", () => {
  let database: TestDatabase;
  let pushed: { userId: string; change: TUserChangeMessage }[];
  const cleanups: (() => Promise<void> | void)[] = [];

  beforeEach(async () => {
    database = await createTestDatabase(adminDatabaseUrl());
    pushed = [];
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await database.drop();
  });

  const changes = { emitToUser: (userId: string, change: TUserChangeMessage) => void pushed.push({ userId, change }) };
  const subscription = () => createConsumerSubscription(syncConsumer, { db: database.db, log, changes });

  it("appends the change to its owner's feed and pushes it after the commit", async () => {
    const task = sampleTask("user-a", { version: 3 });
    const event = sampleEvent("task.updated", "user-a", task);
    expect(await subscription().handle({ topic: TOPICS.taskEvents, event, attempt: 1 })).toBe("SUCCESS");
    const feed = await listUserChangesSince(database.db, { userId: "user-a", afterSeq: 0, limit: 10 });
    expect(feed.changes).toMatchObject([{ seq: 1, kind: "task.upserted", entityId: task.id, version: 3, payload: task }]);
    expect(pushed).toEqual([{ userId: "user-a", change: { seq: 1, kind: "task.upserted", entityId: task.id, version: 3, payload: task } }]);
  });

  it("turns a deletion into task.removed", async () => {
    const task = sampleTask("user-a", { version: 2, deletedAt: new Date().toISOString() });
    await subscription().handle({ topic: TOPICS.taskEvents, event: sampleEvent("task.deleted", "user-a", task), attempt: 1 });
    expect(pushed.map((p) => p.change.kind)).toEqual(["task.removed"]);
  });

  it("appends and pushes a duplicated event once, even when both copies arrive at once", async () => {
    const event = sampleEvent("task.created", "user-a");
    const sub = subscription();
    const statuses = await Promise.all([1, 2, 3].map((attempt) => sub.handle({ topic: TOPICS.taskEvents, event, attempt })));
    expect(statuses).toEqual(["SUCCESS", "SUCCESS", "SUCCESS"]);
    expect(await sub.handle({ topic: TOPICS.taskEvents, event, attempt: 4 })).toBe("SUCCESS");
    expect(await database.db.userChange.count()).toBe(1);
    expect(pushed).toHaveLength(1);
  });

  it("gives each user a strictly increasing seq without gaps under concurrent events", async () => {
    const sub = subscription();
    const events = Array.from({ length: 24 }, (_, i) => sampleEvent("task.created", i % 3 === 0 ? "user-b" : "user-a"));
    const statuses = await Promise.all(events.map((event) => sub.handle({ topic: TOPICS.taskEvents, event, attempt: 1 })));
    expect(statuses.every((s) => s === "SUCCESS")).toBe(true);
    for (const [userId, count] of [["user-a", 16], ["user-b", 8]] as const) {
      const feed = await listUserChangesSince(database.db, { userId, afterSeq: 0, limit: 100 });
      expect(feed.changes.map((c) => c.seq)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
      expect(feed.latestSeq).toBe(count);
      const pushedSeqs = pushed.filter((p) => p.userId === userId).map((p) => p.change.seq);
      expect([...pushedSeqs].sort((x, y) => x - y)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    }
  });

  it("pushes a fired reminder as a notification in the same per-user seq, and ignores scheduled ones", async () => {
    const reminders = createConsumerSubscription(syncRemindersConsumer, { db: database.db, log, changes });
    await subscription().handle({ topic: TOPICS.taskEvents, event: sampleEvent("task.created", "user-a"), attempt: 1 });
    const fired = sampleEvent("reminder.fired", "user-a");
    expect(await reminders.handle({ topic: TOPICS.reminders, event: sampleEvent("reminder.scheduled", "user-a"), attempt: 1 })).toBe("SUCCESS");
    expect(await reminders.handle({ topic: TOPICS.reminders, event: fired, attempt: 1 })).toBe("SUCCESS");
    const data = fired.data as { notificationId: string };
    expect(pushed.map((p) => [p.change.seq, p.change.kind])).toEqual([[1, "task.upserted"], [2, "notification"]]);
    expect(pushed[1]?.change).toMatchObject({ entityId: data.notificationId, payload: fired.data });
  });

  it("appends a backlog handed over as a batch in order, with consecutive seqs, and pushes each once", async () => {
    const sub = subscription();
    const first = sampleEvent("task.created", "user-a");
    expect(await sub.handle({ topic: TOPICS.taskEvents, event: first, attempt: 1 })).toBe("SUCCESS");
    const backlog = [first, ...Array.from({ length: 5 }, () => sampleEvent("task.created", "user-a"))];
    const deliveries = backlog.map((event) => ({ topic: TOPICS.taskEvents, event, attempt: 1 }));
    expect(await sub.handleBatch?.(deliveries)).toBe(true);
    expect(await sub.handleBatch?.(deliveries)).toBe(true);
    const feed = await listUserChangesSince(database.db, { userId: "user-a", afterSeq: 0, limit: 10 });
    expect(feed.changes.map((c) => c.entityId)).toEqual(backlog.map((e) => (e.data as { task: { id: string } }).task.id));
    expect(feed.changes.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(pushed.map((p) => p.change.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    // Someone else's task in the batch: nothing of it is written, and one by one only it is refused.
    const foreign = { ...sampleEvent("task.created", "user-a"), partitionkey: "user-b" };
    expect(await sub.handleBatch?.([sampleEvent("task.created", "user-a"), foreign].map((event) => ({ topic: TOPICS.taskEvents, event, attempt: 1 })))).toBe(false);
    expect(await database.db.userChange.count()).toBe(6);
  });

  it("prunes old feed entries without resetting the seq", async () => {
    const sub = subscription();
    for (const n of [1, 2]) {
      await sub.handle({ topic: TOPICS.taskEvents, event: sampleEvent("task.created", "user-a"), attempt: n });
    }
    expect(await pruneUserChanges(database.db, new Date(Date.now() + 1_000))).toBe(2);
    await sub.handle({ topic: TOPICS.taskEvents, event: sampleEvent("task.created", "user-a"), attempt: 1 });
    const feed = await listUserChangesSince(database.db, { userId: "user-a", afterSeq: 0, limit: 10 });
    expect(feed.changes.map((c) => c.seq)).toEqual([3]);
  });

  it("dead-letters an event whose partition key is not the task's owner, writing and pushing nothing", async () => {
    const event = { ...sampleEvent("task.created", "user-a"), partitionkey: "user-b" };
    expect(await subscription().handle({ topic: TOPICS.taskEvents, event, attempt: 1 })).toBe("DROP");
    expect(await database.db.userChange.count()).toBe(0);
    expect(pushed).toEqual([]);
  });

  it("carries an event consumed by replica one to the user's socket on replica two, and not to another user", async () => {
    const one: RunningWorkers = await startWorkers(
      {
        bus: { kind: "embedded", databaseUrl: database.url, retry: { maxRetries: 1, initialDelayMs: 50 }, concurrency: 2, staleLockMs: 30_000, daprSettings: {} },
        port: 0,
        relay: { enabled: false, batchSize: 100, pollIntervalMs: 200 },
        realtime: { port: 0, tokenSecret: TEST_SECRET, maxFrameBytes: 16_384 },
      },
      [syncConsumer],
      log,
    );
    cleanups.push(() => one.stop());
    const two: RealtimeServer = createRealtimeServer({ db: database.db, databaseUrl: database.url, tokenSecret: TEST_SECRET, log });
    const port = await two.listen(0);
    cleanups.push(() => two.close());
    const clients: TestClient[] = [await connectClient(port, { token: tokenFor("user-a") }), await connectClient(port, { token: tokenFor("user-b") })];
    cleanups.push(() => clients.forEach((c) => c.socket.close()));
    const [a, b] = clients as [TestClient, TestClient];
    await waitFor("replica two's adapter is linked", async () => (await two.io.in("user:user-a").fetchSockets()).length === 1);

    const task = sampleTask("user-a");
    await one.bus.publish(TOPICS.taskEvents, [sampleEvent("task.created", "user-a", task)]);
    await waitFor("the change on replica two", async () => a.changes.length === 1);
    expect(a.changes[0]).toMatchObject({ seq: 1, kind: "task.upserted", entityId: task.id, version: 1 });
    await settle();
    expect(b.changes).toEqual([]);
  });
});
