// The backbone scenarios, shared by `npm run bench` (the embedded transport) and `npm run
// bench:dapr` (embedded and Dapr in the same run): outbox → consumer latency at a steady rate, and
// the drain of a backlog committed at once. The workers run in-process with one consumer that only
// records when each event reached it (its idempotency record in processed_events is still written,
// in the runtime's transaction, as for every consumer). Mutations are written the way the web app
// commits them (outbox-writer.ts); every figure has the bare INSERT+COMMIT it stands beside.
//
// Each run gets a fresh database, fresh workers and whatever its transport opens (a Dapr run: its
// own sidecar and topics), and is measured only once one warm-up event went all the way through:
// a sidecar subscribes once it sees the app healthy and Kafka's consumer group must form first.
import type { RunningPostgres } from "@taskboard/db/embedded";
import { migrate } from "@taskboard/db/migrate";
import { eventRegistry, TOPICS, type TCloudEvent } from "@taskboard/events";
import { sampleEvent } from "@taskboard/events/contract";
import pg from "pg";
import type { Logger } from "pino";
import { startWorkers, type RunningWorkers } from "../apps/workers/src/start-workers.ts";
import type { BusConfig } from "../apps/workers/src/bus.ts";
import { defineConsumer } from "../apps/workers/src/runtime/define-consumer.ts";
import { commitOutboxRow, commitOutboxRows, paced } from "./outbox-writer.ts";
import { histogramDelta, readCounter, readHistogram, type HistogramSnapshot } from "./prometheus.ts";
import { summarise, type LatencySummary } from "./stats.ts";

export const USERS = 100;

/** One run's transport: what its workers are given, and the brackets of the measured part. */
export interface BenchBus<TReport> {
  bus: Pick<BusConfig, "kind" | "daprSettings">;
  /** The pipeline is live (the warm-up event arrived): the measured part starts. */
  mark(): Promise<void>;
  /** The workers have stopped: ends what `open` started and returns the transport's own figures. */
  close(): Promise<TReport>;
}

export interface BenchTransport<TReport> {
  label: string;
  /** Called once per run, before its workers start. */
  open(): Promise<BenchBus<TReport>>;
}

export const embeddedTransport: BenchTransport<undefined> = {
  label: "embedded",
  async open() {
    return { bus: { kind: "embedded", daprSettings: {} }, mark: async () => undefined, close: async () => undefined };
  },
};

export interface RunResult<TReport> {
  /** The relay's publish calls in the measured part (taskboard_outbox_relay_publish_duration_seconds). */
  publishCalls: HistogramSnapshot;
  /** Events the relay published in the measured part. */
  published: number;
  transport: TReport;
}

export interface LatencyResult<TReport> extends RunResult<TReport> {
  /** From the writer's COMMIT to the consumer's handler. */
  endToEnd: LatencySummary;
}

export interface ThroughputResult<TReport> extends RunResult<TReport> {
  /** Events per second from the backlog's COMMIT until the outbox was drained (published). */
  relayPerSecond: number;
  /** Events per second from the backlog's COMMIT until every event was consumed. */
  consumedPerSecond: number;
}

const RELAY_PUBLISH_SECONDS = "taskboard_outbox_relay_publish_duration_seconds";
const RELAY_PUBLISHED = "taskboard_outbox_relay_published_total";

async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`benchmark timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export function backbone(server: RunningPostgres, options: { log: Logger; concurrency: number }) {
  let seq = 0;
  const eventsFor = (count: number): TCloudEvent[] =>
    Array.from({ length: count }, () => sampleEvent("task.created", `bench-user-${seq++ % USERS}`));

  async function freshDatabase(): Promise<string> {
    const name = `bench_${Date.now()}_${seq++}`;
    await server.createDatabase(name);
    const url = server.urlFor(name);
    await migrate(url);
    return url;
  }

  /** Workers on `url` over the transport, live and warmed up; `finish` stops them and reports. */
  async function startRun<TReport>(transport: BenchTransport<TReport>, url: string) {
    const consumedAt = new Map<string, number>();
    const recorder = defineConsumer({
      name: "bench",
      topic: TOPICS.taskEvents,
      events: Object.values(eventRegistry).filter((d) => d.topic === TOPICS.taskEvents),
      async handle(event) {
        consumedAt.set(event.id, performance.now());
      },
    });
    const opened = await transport.open();
    let app: RunningWorkers;
    try {
      app = await startWorkers(
        {
          bus: { ...opened.bus, databaseUrl: url, retry: { maxRetries: 3, initialDelayMs: 1_000 }, concurrency: options.concurrency, staleLockMs: 30_000 },
          port: 0,
          relay: { enabled: true, batchSize: 500, pollIntervalMs: 1_000 },
        },
        [recorder],
        options.log,
      );
    } catch (error) {
      await opened.close().catch(() => undefined);
      throw error;
    }
    const relayFigures = async () => {
      const text = await app.metrics.registry.metrics();
      return { calls: readHistogram(text, RELAY_PUBLISH_SECONDS), published: readCounter(text, RELAY_PUBLISHED) };
    };
    const warmUp = sampleEvent("task.created", "bench-warm-up");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await commitOutboxRow(client, warmUp);
    await client.end();
    await waitUntil("the warm-up event", () => consumedAt.has(warmUp.id), 120_000);
    consumedAt.clear();
    const before = await relayFigures();
    await opened.mark();
    return {
      consumedAt,
      async finish(): Promise<RunResult<TReport>> {
        const after = await relayFigures();
        await app.stop();
        return {
          publishCalls: histogramDelta(after.calls, before.calls),
          published: after.published - before.published,
          transport: await opened.close(),
        };
      },
    };
  }

  return {
    /** Commit latency of plain INSERT+COMMIT of `count` rows at `perSecond`. */
    async bareLatency(count: number, perSecond: number, connections: number): Promise<LatencySummary> {
      const pool = new pg.Pool({ connectionString: await freshDatabase(), max: connections });
      const samples: number[] = [];
      await paced(pool, eventsFor(count), perSecond, connections, (_e, _t, latency) => samples.push(latency));
      await pool.end();
      return summarise(samples);
    },

    /** Commit-to-consumer latency of `count` mutations at `perSecond` through the backbone. */
    async latency<TReport>(transport: BenchTransport<TReport>, count: number, perSecond: number, connections: number): Promise<LatencyResult<TReport>> {
      const url = await freshDatabase();
      const run = await startRun(transport, url);
      const pool = new pg.Pool({ connectionString: url, max: connections });
      const committedAt = new Map<string, number>();
      const events = eventsFor(count);
      await paced(pool, events, perSecond, connections, (event, at) => committedAt.set(event.id, at));
      await pool.end();
      await waitUntil(`${count} events at the consumer`, () => run.consumedAt.size >= count, 300_000);
      const endToEnd = events.map((e) => (run.consumedAt.get(e.id) ?? Number.NaN) - (committedAt.get(e.id) ?? Number.NaN));
      return { endToEnd: summarise(endToEnd), ...(await run.finish()) };
    },

    /** Rows per second of plain INSERT+COMMIT, 4 connections, one row per transaction. */
    async bareThroughput(count: number): Promise<number> {
      const pool = new pg.Pool({ connectionString: await freshDatabase(), max: 4 });
      const elapsedMs = await paced(pool, eventsFor(count), 0, 4, () => undefined);
      await pool.end();
      return count / (elapsedMs / 1000);
    },

    /** A backlog of `count` rows committed at once (one transaction) on live workers, drained. */
    async throughput<TReport>(transport: BenchTransport<TReport>, count: number): Promise<ThroughputResult<TReport>> {
      const url = await freshDatabase();
      const run = await startRun(transport, url);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await commitOutboxRows(client, eventsFor(count));
      const started = performance.now();
      let relayedMs = 0;
      await waitUntil(
        `${count} events at the consumer`,
        async () => {
          if (!relayedMs) {
            const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM outbox_events WHERE published_at IS NULL");
            if (rows[0]?.n === "0") relayedMs = performance.now() - started;
          }
          await new Promise((r) => setTimeout(r, 20));
          return run.consumedAt.size >= count;
        },
        600_000,
      );
      const consumedMs = performance.now() - started;
      await client.end();
      return {
        relayPerSecond: count / ((relayedMs || consumedMs) / 1000),
        consumedPerSecond: count / (consumedMs / 1000),
        ...(await run.finish()),
      };
    },
  };
}

export type Backbone = ReturnType<typeof backbone>;
