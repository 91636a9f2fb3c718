// The audit consumers feeding the change feed on a real database: one "audit" feed row and one
// push per new entry, in the same per-user seq as the sync consumers' rows, nothing for a
// duplicate delivery, and the feed row without a push where no socket server runs.
import { listUserChangesSince } from "@taskboard/db";
import { createTestDatabase, type TestDatabase } from "@taskboard/db/testing";
import { TOPICS } from "@taskboard/events";
import { sampleEvent } from "@taskboard/events/contract";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TUserChangeMessage } from "@taskboard/realtime";
import { createConsumerSubscription } from "../../runtime/consumer-subscription.ts";
import type { ConsumerDefinition } from "../../runtime/define-consumer.ts";
import { adminDatabaseUrl } from "../../testing/admin-database-url.ts";
import { syncConsumer } from "../sync/sync.consumer.ts";
import { must } from "../testing/consumer-harness.ts";
import { auditRemindersConsumer, auditTaskEventsConsumer } from "./audit.consumer.ts";

const log = pino({ level: "silent" });

describe("audit consumer → change feed", () => {
  let database: TestDatabase;
  let pushed: { userId: string; change: TUserChangeMessage }[];
  const changes = { emitToUser: (userId: string, change: TUserChangeMessage) => void pushed.push({ userId, change }) };

  beforeEach(async () => {
    database = await createTestDatabase(adminDatabaseUrl());
    pushed = [];
  });
  afterEach(() => database.drop());

  const subscribe = (consumer: ConsumerDefinition, live = true) =>
    createConsumerSubscription(consumer, { db: database.db, log, ...(live ? { changes } : {}) });

  it("appends one audit change and pushes it once, even when the event is delivered again", async () => {
    const audit = subscribe(auditTaskEventsConsumer);
    const event = sampleEvent("task.created", "user-a");
    const task = (event.data as { task: { id: string; version: number } }).task;
    const statuses = await Promise.all([1, 2].map((attempt) => audit.handle({ topic: TOPICS.taskEvents, event, attempt })));
    expect(statuses).toEqual(["SUCCESS", "SUCCESS"]);
    expect(await audit.handle({ topic: TOPICS.taskEvents, event, attempt: 3 })).toBe("SUCCESS");

    const entry = await database.db.auditEntry.findFirstOrThrow({ select: { id: true, occurredAt: true } });
    const feed = await listUserChangesSince(database.db, { userId: "user-a", afterSeq: 0, limit: 10 });
    const payload = { type: "task.created", taskId: task.id, projectId: null, occurredAt: entry.occurredAt.toISOString() };
    expect(feed.changes).toMatchObject([{ seq: 1, kind: "audit", entityId: entry.id, version: task.version, payload }]);
    expect(pushed).toEqual([{ userId: "user-a", change: { seq: 1, kind: "audit", entityId: entry.id, version: task.version, payload } }]);
  });

  it("shares the user's seq with the sync consumer's change for the same event", async () => {
    const event = sampleEvent("task.updated", "user-a");
    await subscribe(syncConsumer).handle({ topic: TOPICS.taskEvents, event, attempt: 1 });
    await subscribe(auditTaskEventsConsumer).handle({ topic: TOPICS.taskEvents, event, attempt: 1 });
    await subscribe(auditRemindersConsumer).handle({ topic: TOPICS.reminders, event: sampleEvent("reminder.scheduled", "user-a"), attempt: 1 });
    expect(pushed.map((p) => [p.change.seq, p.change.kind])).toEqual([[1, "task.upserted"], [2, "audit"], [3, "audit"]]);
    expect(pushed[2]?.change.payload).toMatchObject({ type: "reminder.scheduled" });
    expect((await listUserChangesSince(database.db, { userId: "user-a", afterSeq: 0, limit: 10 })).latestSeq).toBe(3);
  });

  it("records a batch like one event at a time: one entry and one feed change each, in order, once", async () => {
    const audit = subscribe(auditRemindersConsumer);
    const events = Array.from({ length: 4 }, () => sampleEvent("reminder.scheduled", "user-a"));
    const deliveries = events.map((event) => ({ topic: TOPICS.reminders, event, attempt: 1 }));
    expect(await audit.handle(must(deliveries[0], "delivery"))).toBe("SUCCESS");
    expect(await audit.handleBatch?.(deliveries)).toBe(true);
    expect(await audit.handleBatch?.(deliveries)).toBe(true);
    const entries = await database.db.auditEntry.findMany({ orderBy: { recordedAt: "asc" }, select: { id: true, eventId: true } });
    expect(entries.map((e) => e.eventId).sort()).toEqual(events.map((e) => e.id).sort());
    const feed = await listUserChangesSince(database.db, { userId: "user-a", afterSeq: 0, limit: 10 });
    expect(feed.changes.map((c) => c.seq)).toEqual([1, 2, 3, 4]);
    const entryIdOf = new Map(entries.map((e) => [e.eventId, e.id]));
    expect(feed.changes.map((c) => c.entityId)).toEqual(events.map((e) => entryIdOf.get(e.id)));
    expect(pushed.map((p) => p.change.seq)).toEqual([1, 2, 3, 4]);
  });

  it("appends the feed row but pushes nothing where no socket server runs (a replay from the CLI)", async () => {
    await subscribe(auditTaskEventsConsumer, false).handle({ topic: TOPICS.taskEvents, event: sampleEvent("task.created", "user-a"), attempt: 1 });
    expect(await database.db.auditEntry.count()).toBe(1);
    expect((await listUserChangesSince(database.db, { userId: "user-a", afterSeq: 0, limit: 10 })).changes).toMatchObject([{ seq: 1, kind: "audit" }]);
    expect(pushed).toEqual([]);
  });
});
