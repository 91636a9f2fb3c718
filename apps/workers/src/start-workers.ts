// Composes the workers process: database, metrics, transport, consumers, outbox relay and the
// health server, and takes them down in the right order. main.ts feeds it the validated env;
// tests and the crash-test worker feed it their own consumers.
import { createDb, pingDatabase } from "@taskboard/db";
import type { EventBus } from "@taskboard/events";
import type { Logger } from "pino";
import { createBus, type BusConfig } from "./bus.ts";
import { createHealthServer, type ReadinessCheck } from "./health.ts";
import { createMetrics, type Metrics } from "./metrics.ts";
import { startFeedPruner } from "./realtime/feed-pruner.ts";
import { createRealtime, type RealtimeConfig } from "./realtime/start-realtime.ts";
import { createOutboxRelay, type OutboxRelay } from "./relay/outbox-relay.ts";
import { createConsumerSubscription } from "./runtime/consumer-subscription.ts";
import { createDeadLetterSink } from "./runtime/dead-letter-sink.ts";
import type { ConsumerDefinition } from "./runtime/define-consumer.ts";
import { createJobBatchDispatcher, createJobDispatcher } from "./runtime/job-dispatcher.ts";

export interface WorkersConfig {
  bus: BusConfig;
  port: number;
  relay: { enabled: boolean; batchSize: number; pollIntervalMs: number };
  /** Socket.IO live updates (pushing committed change-feed entries); off when absent. */
  realtime?: RealtimeConfig;
  /** How long the change feed keeps entries; never pruned when absent (tests). */
  feedRetentionHours?: number;
}

export interface RunningWorkers {
  bus: EventBus;
  metrics: Metrics;
  relay?: OutboxRelay;
  /** Stops taking work, lets in-flight handlers commit, then closes everything. */
  stop(): Promise<void>;
}

function hasSidecarCheck(bus: EventBus): bus is EventBus & { checkSidecar: ReadinessCheck } {
  return typeof (bus as { checkSidecar?: unknown }).checkSidecar === "function";
}

export async function startWorkers(
  config: WorkersConfig,
  consumers: readonly ConsumerDefinition[],
  log: Logger,
): Promise<RunningWorkers> {
  const db = createDb(config.bus.databaseUrl, { maxConnections: config.bus.concurrency + 4 });
  const metrics = createMetrics(db);
  const realtime = config.realtime
    ? createRealtime(config.realtime, { db, databaseUrl: config.bus.databaseUrl, log })
    : undefined;
  let busLive = false;
  let stopping = false;

  const bus = createBus(config.bus, {
    log,
    onDeadLetter: createDeadLetterSink({ db, log, metrics }),
    onFatal(error) {
      busLive = false;
      log.fatal({ err: error }, "event transport stopped consuming");
    },
  });
  // Subscriptions first: a transport reads them once, at start (docs/traps.md #2). With live updates
  // on, the socket server is the port committed feed entries are pushed through.
  for (const consumer of consumers) {
    bus.subscribe(createConsumerSubscription(consumer, { db, log, metrics, jobs: bus, changes: realtime?.server }));
  }
  const jobHandler = createJobDispatcher(consumers, { db, log, jobs: bus });
  if (jobHandler) bus.onJob(jobHandler, createJobBatchDispatcher(consumers, { db, log, jobs: bus }));

  const health = createHealthServer(
    {
      database: async () => {
        await pingDatabase(db);
        return { ok: true };
      },
      subscriptions: async () =>
        busLive
          ? { ok: true, detail: `${consumers.length} consumer(s) on ${config.bus.kind}` }
          : { ok: false, detail: stopping ? "stopping" : "transport not consuming" },
      ...(realtime ? { realtime: realtime.readiness } : {}),
      // The Dapr transport can also tell whether its sidecar answers.
      ...(hasSidecarCheck(bus) ? { sidecar: () => bus.checkSidecar() } : {}),
    },
    metrics.registry,
  );
  await health.listen(config.port);
  await realtime?.listen();
  await bus.start();
  busLive = true;

  const relay = config.relay.enabled
    ? createOutboxRelay({
        db,
        connectionString: config.bus.databaseUrl,
        bus,
        log,
        metrics,
        batchSize: config.relay.batchSize,
        pollIntervalMs: config.relay.pollIntervalMs,
      })
    : undefined;
  relay?.start();
  const feedPruner =
    config.feedRetentionHours === undefined ? undefined : startFeedPruner({ db, log, retentionHours: config.feedRetentionHours });
  log.info(
    { port: config.port, eventBus: config.bus.kind, consumers: consumers.map((c) => c.name), relay: Boolean(relay) },
    "workers started",
  );

  return {
    bus,
    metrics,
    relay,
    async stop() {
      if (stopping) return;
      stopping = true;
      busLive = false;
      feedPruner?.stop();
      await relay?.stop();
      await bus.stop();
      // After the bus: in-flight handlers may still push their committed changes.
      await realtime?.close();
      await health.close();
      await db.$disconnect();
    },
  };
}
