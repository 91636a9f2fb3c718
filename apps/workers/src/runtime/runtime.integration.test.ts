// The worker runtime on the real embedded transport and a real database: retries, dead letters,
// malformed events, per-user order, idempotency and operator replay.
import { createTestDatabase, type TestDatabase } from "@taskboard/db/testing";
import { listDeadLetters } from "@taskboard/db";
import { TOPICS, type TCloudEvent } from "@taskboard/events";
import { sampleEvent, waitFor } from "@taskboard/events/contract";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startWorkers, type RunningWorkers } from "../start-workers.ts";
import { adminDatabaseUrl } from "../testing/admin-database-url.ts";
import { embeddedWorkersConfig } from "../testing/embedded-workers-config.ts";
import { createProbeTable, probeConsumer, probeEffects } from "../testing/probe-consumer.ts";
import { taskEventSeries } from "../testing/outbox-writer.ts";
import type { ConsumerDefinition } from "./define-consumer.ts";
import { PermanentError } from "./errors.ts";
import { createConsumerSubscription } from "./consumer-subscription.ts";
import { replayDeadLetter } from "./replay.ts";

const RETRY = { maxRetries: 3, initialDelayMs: 50 };
const log = pino({ level: "silent" });

describe("worker runtime", () => {
  let database: TestDatabase;
  let app: RunningWorkers | undefined;

  beforeEach(async () => {
    database = await createTestDatabase(adminDatabaseUrl());
    await createProbeTable(database.db);
  });
  afterEach(async () => {
    await app?.stop();
    app = undefined;
    await database.drop();
  });

  async function start(consumers: ConsumerDefinition[]) {
    app = await startWorkers(embeddedWorkersConfig(database.url, { bus: { retry: RETRY } }), consumers, log);
    return app;
  }

  it("retries a handler that throws twice, then applies its effect once", async () => {
    let calls = 0;
    const { bus } = await start([
      probeConsumer("flaky", () => {
        calls++;
        if (calls <= 2) throw new Error("database hiccup");
      }),
    ]);
    const event = sampleEvent("task.created", "user-a");
    await bus.publish(TOPICS.taskEvents, [event]);
    await waitFor("the effect", async () => (await probeEffects(database.db, "flaky")).length === 1);
    const [effect] = await probeEffects(database.db, "flaky");
    expect(effect).toMatchObject({ event_id: event.id, attempt: 3 });
    expect(calls).toBe(3);
    expect(await listDeadLetters(database.db)).toEqual([]);
  });

  it("dead-letters an event whose handler always throws, after the configured retries", async () => {
    let calls = 0;
    const { bus } = await start([
      probeConsumer("broken", () => {
        calls++;
        throw new Error("downstream unavailable");
      }),
    ]);
    const event = sampleEvent("task.completed", "user-a");
    await bus.publish(TOPICS.taskEvents, [event]);
    await waitFor("the dead letter", async () => (await listDeadLetters(database.db)).length === 1);
    const [letter] = await listDeadLetters(database.db);
    expect(letter).toMatchObject({
      consumer: "broken",
      topic: TOPICS.taskEvents,
      eventId: event.id,
      event,
      attempts: RETRY.maxRetries + 1,
      replayedAt: null,
    });
    expect(letter?.error).toContain("downstream unavailable");
    expect(calls).toBe(RETRY.maxRetries + 1);
    expect(await probeEffects(database.db, "broken")).toEqual([]);
  });

  it("dead-letters a malformed event at once, with the validation error", async () => {
    let calls = 0;
    const { bus } = await start([probeConsumer("strict", () => void calls++)]);
    const good = sampleEvent("task.created", "user-a");
    const { task } = good.data as { task: object };
    const malformed = { ...good, data: { task: { ...task, title: "" } } };
    await bus.publish(TOPICS.taskEvents, [malformed as TCloudEvent]);
    await waitFor("the dead letter", async () => (await listDeadLetters(database.db)).length === 1);
    const [letter] = await listDeadLetters(database.db);
    expect(letter).toMatchObject({ consumer: "strict", attempts: 1, eventId: good.id });
    expect(letter?.error).toMatch(/Invalid task.created event/);
    expect(calls).toBe(0);
  });

  it("dead-letters at once when the handler throws a PermanentError", async () => {
    let calls = 0;
    const { bus } = await start([
      probeConsumer("picky", () => {
        calls++;
        throw new PermanentError("task belongs to nobody");
      }),
    ]);
    await bus.publish(TOPICS.taskEvents, [sampleEvent("task.deleted", "user-a")]);
    await waitFor("the dead letter", async () => (await listDeadLetters(database.db)).length === 1);
    expect((await listDeadLetters(database.db))[0]).toMatchObject({ attempts: 1 });
    expect(calls).toBe(1);
  });

  it("keeps each user's order under concurrency, with a transient failure in the middle", async () => {
    const users = ["u1", "u2", "u3", "u4", "u5", "u6"];
    let failedOnce = false;
    const { bus } = await start([
      probeConsumer("ordered", async (event) => {
        await new Promise((r) => setTimeout(r, Math.random() * 4));
        if (event.partitionkey === "u3" && event.data.task.version === 5 && !failedOnce) {
          failedOnce = true;
          throw new Error("transient");
        }
      }),
    ]);
    const series = users.map((user) => taskEventSeries(user, 25));
    // Interleave users inside each batch, several batches.
    for (let i = 0; i < 25; i += 5) {
      const batch = series.flatMap((events) => events.slice(i, i + 5));
      await bus.publish(TOPICS.taskEvents, batch);
    }
    await waitFor("every effect", async () => (await probeEffects(database.db, "ordered")).length === users.length * 25, 20_000);
    const effects = await probeEffects(database.db, "ordered");
    for (const user of users) {
      expect(effects.filter((e) => e.user_id === user).map((e) => e.version)).toEqual(
        Array.from({ length: 25 }, (_, i) => i + 1),
      );
    }
    expect(failedOnce).toBe(true);
  });

  it("applies a duplicated event once, whether redelivered or delivered concurrently", async () => {
    const consumer = probeConsumer("idempotent", () => new Promise((r) => setTimeout(r, 20)));
    const { bus } = await start([consumer]);
    const event = sampleEvent("task.created", "user-a");
    await bus.publish(TOPICS.taskEvents, [event]);
    await bus.publish(TOPICS.taskEvents, [event]);
    // And two concurrent deliveries straight through the runtime, as two replicas would see them.
    const subscription = createConsumerSubscription(consumer, { db: database.db, log });
    const statuses = await Promise.all([
      subscription.handle({ topic: TOPICS.taskEvents, event, attempt: 1 }),
      subscription.handle({ topic: TOPICS.taskEvents, event, attempt: 1 }),
    ]);
    expect(statuses).toEqual(["SUCCESS", "SUCCESS"]);
    await waitFor("the effect", async () => (await probeEffects(database.db, "idempotent")).length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(await probeEffects(database.db, "idempotent")).toHaveLength(1);
  });

  it("applies a batch in one transaction: all of it once, in order, or nothing at all", async () => {
    let failOn: string | undefined;
    const consumer = probeConsumer("batched", (event) => {
      if (event.id === failOn) throw new Error("transient");
    });
    const subscription = createConsumerSubscription(consumer, { db: database.db, log });
    const events = taskEventSeries("user-a", 5);
    const deliveries = (list: TCloudEvent[]) => list.map((event) => ({ topic: TOPICS.taskEvents, event, attempt: 1 }));
    const versions = async () => (await probeEffects(database.db, "batched")).map((e) => e.version);
    const processed = () => database.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM processed_events WHERE consumer = 'batched'`;

    // One failure anywhere: nothing of the batch stays, neither effects nor idempotency records.
    failOn = events[3]?.id;
    expect(await subscription.handleBatch?.(deliveries(events))).toBe(false);
    expect(await versions()).toEqual([]);
    expect((await processed())[0]?.n).toBe(0n);
    // A malformed event refuses the batch too, so that handle() can dead-letter it alone.
    failOn = undefined;
    expect(await subscription.handleBatch?.(deliveries([events[0] as TCloudEvent, { id: "x" } as unknown as TCloudEvent]))).toBe(false);
    expect(await versions()).toEqual([]);

    // Already handled events inside a batch are skipped; the rest apply once, in order.
    expect(await subscription.handle({ topic: TOPICS.taskEvents, event: events[1], attempt: 1 })).toBe("SUCCESS");
    expect(await subscription.handleBatch?.(deliveries(events))).toBe(true);
    expect(await subscription.handleBatch?.(deliveries(events))).toBe(true);
    expect(await versions()).toEqual([2, 1, 3, 4, 5]);
  });

  it("replays a dead letter through the same path once the cause is fixed, then treats it as done", async () => {
    let broken = true;
    const consumer = probeConsumer("replayable", () => {
      if (broken) throw new PermanentError("missing configuration");
    });
    const { bus } = await start([consumer]);
    const event = sampleEvent("task.created", "user-a");
    await bus.publish(TOPICS.taskEvents, [event]);
    await waitFor("the dead letter", async () => (await listDeadLetters(database.db)).length === 1);
    const [letter] = await listDeadLetters(database.db);
    if (!letter) throw new Error("no dead letter");
    const subscription = createConsumerSubscription(consumer, { db: database.db, log });

    const failed = await replayDeadLetter(database.db, letter, subscription);
    expect(failed).toMatchObject({ ok: false });
    expect((await listDeadLetters(database.db))[0]).toMatchObject({ attempts: 2, replayedAt: null });

    broken = false;
    expect(await replayDeadLetter(database.db, letter, subscription)).toEqual({ id: letter.id, ok: true });
    expect(await listDeadLetters(database.db)).toEqual([]);
    expect((await listDeadLetters(database.db, { includeReplayed: true }))[0]?.replayedAt).toBeInstanceOf(Date);
    // Replaying again changes nothing: the idempotency record is there.
    expect(await replayDeadLetter(database.db, letter, subscription)).toMatchObject({ ok: true });
    expect(await probeEffects(database.db, "replayable")).toHaveLength(1);
  });
});
