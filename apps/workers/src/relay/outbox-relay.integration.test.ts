// The outbox relay against a real database: order per user, no loss when the bus is down, late
// commits, and two relays at once (one leads, the other takes over when it goes).
import { createTestDatabase, type TestDatabase } from "@taskboard/db/testing";
import { insertOutboxEvents } from "@taskboard/db";
import { TOPICS, type EventBus, type TCloudEvent } from "@taskboard/events";
import { sampleEvent, waitFor } from "@taskboard/events/contract";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startWorkers, type RunningWorkers } from "../start-workers.ts";
import { createMetrics, type Metrics } from "../metrics.ts";
import { adminDatabaseUrl } from "../testing/admin-database-url.ts";
import { embeddedWorkersConfig } from "../testing/embedded-workers-config.ts";
import { taskEventSeries, writeOutbox } from "../testing/outbox-writer.ts";
import { createProbeTable, probeConsumer, probeEffects } from "../testing/probe-consumer.ts";
import { createOutboxRelay, type OutboxRelay } from "./outbox-relay.ts";

const log = pino({ level: "silent" });

/** A transport double that records what it accepted (each call, after `acceptAfterMs`) and can refuse. */
function recordingBus(acceptAfterMs = 0) {
  const published: TCloudEvent[] = [];
  const acceptedCalls: number[] = [];
  let refusals = 0;
  const bus: EventBus = {
    async publish(_topic, events) {
      if (refusals > 0) {
        refusals--;
        throw new Error("broker unavailable");
      }
      if (acceptAfterMs > 0) await new Promise((resolve) => setTimeout(resolve, acceptAfterMs));
      published.push(...events);
      acceptedCalls.push(events.length);
    },
    subscribe() {},
    onJob() {},
    async schedule() {},
    async cancel() {},
    async start() {},
    async stop() {},
  };
  return { bus, published, acceptedCalls, refuse: (n: number) => (refusals = n) };
}

describe("outbox relay", () => {
  let database: TestDatabase;
  const cleanups: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    database = await createTestDatabase(adminDatabaseUrl());
    await createProbeTable(database.db);
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await database.drop();
  });

  function relayWith(bus: EventBus, batchSize = 50, metrics?: Metrics): OutboxRelay {
    const relay = createOutboxRelay({
      db: database.db,
      connectionString: database.url,
      bus,
      log,
      metrics,
      batchSize,
      pollIntervalMs: 100,
      maxBackoffMs: 200,
    });
    relay.start();
    cleanups.push(() => relay.stop());
    return relay;
  }

  async function unpublished() {
    return database.db.outboxEvent.count({ where: { publishedAt: null } });
  }

  it("publishes committed rows in order per user, in batches, and marks them published", async () => {
    const { bus, published } = recordingBus();
    relayWith(bus, 7);
    const series = ["a", "b", "c"].map((user) => taskEventSeries(user, 20));
    for (let i = 0; i < 20; i += 4) await writeOutbox(database.db, series.flatMap((s) => s.slice(i, i + 4)));
    await waitFor("every event", () => published.length === 60);
    for (const events of series) {
      const user = events[0]?.partitionkey;
      expect(published.filter((e) => e.partitionkey === user).map((e) => e.id)).toEqual(events.map((e) => e.id));
    }
    await waitFor("rows marked", async () => (await unpublished()) === 0);
  });

  it("keeps rows while the bus refuses them, records the error, and publishes them once it accepts", async () => {
    const { bus, published, refuse } = recordingBus();
    refuse(3);
    relayWith(bus);
    const events = taskEventSeries("a", 5);
    await writeOutbox(database.db, events);
    await waitFor("the publish after the outage", () => published.length === 5, 10_000);
    expect(published.map((e) => e.id)).toEqual(events.map((e) => e.id));
    const rows = await database.db.outboxEvent.findMany({ select: { attempts: true, lastError: true, publishedAt: true } });
    expect(rows.every((r) => r.attempts === 3 && r.lastError?.includes("broker unavailable"))).toBe(true);
    await waitFor("rows marked", async () => (await unpublished()) === 0);
  });

  it("drops the batch it read ahead when a publish fails mid-backlog: nothing lost, order kept, every row marked", async () => {
    // The relay reads the next batch while publishing a full one and marks each batch while
    // publishing the following one; a refused call in the middle of a backlog must undo neither.
    const published: TCloudEvent[] = [];
    let calls = 0;
    const bus: EventBus = {
      ...recordingBus().bus,
      async publish(_topic, events) {
        calls++;
        if (calls === 3) throw new Error("broker unavailable");
        await new Promise((resolve) => setTimeout(resolve, 5));
        published.push(...events);
      },
    };
    relayWith(bus, 4);
    const series = ["a", "b"].map((user) => taskEventSeries(user, 15));
    const all = series.flatMap((s) => s);
    await writeOutbox(database.db, all);
    await waitFor("every event", () => published.length === all.length, 10_000);
    expect(published.map((e) => e.id)).toEqual(all.map((e) => e.id));
    await waitFor("rows marked", async () => (await unpublished()) === 0);
    const failed = await database.db.outboxEvent.count({ where: { attempts: { gt: 0 } } });
    expect(failed).toBe(4);
  });

  it("times each publish call the bus accepted, not the refused ones", async () => {
    const { bus, published, acceptedCalls, refuse } = recordingBus(30);
    const metrics = createMetrics(database.db);
    refuse(2);
    relayWith(bus, 4, metrics);
    await writeOutbox(database.db, taskEventSeries("a", 10));
    await waitFor("every event", () => published.length === 10, 10_000);
    const { values } = await metrics.relayPublishSeconds.get();
    const count = values.find((v) => v.metricName === "taskboard_outbox_relay_publish_duration_seconds_count");
    const sum = values.find((v) => v.metricName === "taskboard_outbox_relay_publish_duration_seconds_sum");
    // prom-client types bucket values with the histogram's own labels; `le` is added to them.
    const under20ms = values.find((v) => v.metricName?.endsWith("_bucket") && (v.labels as { le?: number }).le === 0.02);
    expect(acceptedCalls).toEqual([4, 4, 2]);
    expect(count).toMatchObject({ value: 3, labels: { topic: TOPICS.taskEvents } });
    expect(sum?.value).toBeGreaterThanOrEqual(3 * 0.029);
    expect(under20ms?.value).toBe(0);
  });

  it("does not skip a row whose transaction commits after a later one (no sequence cursor)", async () => {
    const { bus, published } = recordingBus();
    relayWith(bus);
    const early = sampleEvent("task.created", "slow-user");
    const late = sampleEvent("task.created", "fast-user");
    let releaseSlow!: () => void;
    const slowCommitted = database.db.$transaction(
      async (tx) => {
        await insertOutboxEvents(tx, TOPICS.taskEvents, [early]); // takes the lower sequence
        await new Promise<void>((resolve) => (releaseSlow = resolve));
      },
      { timeout: 20_000 },
    );
    await waitFor("the slow transaction to insert", () => releaseSlow !== undefined);
    await writeOutbox(database.db, [late]);
    await waitFor("the fast event", () => published.length === 1);
    releaseSlow();
    await slowCommitted;
    await waitFor("the late-committed event", () => published.length === 2);
    expect(published.map((e) => e.id)).toEqual([late.id, early.id]);
  });

  it("runs safely twice: one leader publishes, the standby takes over when it stops", async () => {
    async function worker() {
      const app: RunningWorkers = await startWorkers(
        embeddedWorkersConfig(database.url, {
          bus: { retry: { maxRetries: 3, initialDelayMs: 50 }, concurrency: 3, staleLockMs: 2_000 },
          relay: { enabled: true, batchSize: 25, pollIntervalMs: 100 },
        }),
        [probeConsumer("probe")],
        log,
      );
      cleanups.push(() => app.stop());
      return app;
    }
    const first = await worker();
    const second = await worker();
    const leads = (app: RunningWorkers) => app.relay?.isLeader() === true;
    await waitFor("a leader", () => leads(first) || leads(second));
    expect(leads(first) && leads(second)).toBe(false);
    // The leader gauge: exactly one replica reports 1 (what the "no relay leader" alert sums).
    const leaderGauge = async (app: RunningWorkers) => (await app.metrics.relayLeader.get()).values[0]?.value;
    expect([await leaderGauge(first), await leaderGauge(second)].sort()).toEqual([0, 1]);

    const series = ["a", "b", "c", "d"].map((user) => taskEventSeries(user, 30));
    for (let i = 0; i < 15; i += 3) await writeOutbox(database.db, series.flatMap((s) => s.slice(i, i + 3)));
    const leader = leads(first) ? first : second;
    const standby = leader === first ? second : first;
    await leader.stop();
    for (let i = 15; i < 30; i += 3) await writeOutbox(database.db, series.flatMap((s) => s.slice(i, i + 3)));

    await waitFor("the standby to lead", () => leads(standby), 5_000);
    await waitFor("every effect", async () => (await probeEffects(database.db, "probe")).length === 120, 20_000);
    const effects = await probeEffects(database.db, "probe");
    for (const events of series) {
      const user = events[0]?.partitionkey;
      expect(effects.filter((e) => e.user_id === user).map((e) => e.event_id)).toEqual(events.map((e) => e.id));
    }
    expect(await unpublished()).toBe(0);
  });
});
