// `npm run bench`: outbox-to-consumer latency (idle and at 500 mutations/s) and sustained relay
// throughput on the embedded transport, each beside plain node-postgres INSERT+COMMIT of the
// same rows. Starts its own embedded PostgreSQL; prints a Markdown table.
// Knobs: BENCH_LOAD_SECONDS (default 10), BENCH_THROUGHPUT_EVENTS (default 10000).
import os from "node:os";
import { startEmbeddedPostgres, tempDataDir } from "@taskboard/db/embedded";
import { migrate } from "@taskboard/db/migrate";
import { eventRegistry, TOPICS, type TCloudEvent } from "@taskboard/events";
import { sampleEvent } from "@taskboard/events/contract";
import pg from "pg";
import pino from "pino";
import { startWorkers, type RunningWorkers } from "../apps/workers/src/start-workers.ts";
import { defineConsumer } from "../apps/workers/src/runtime/define-consumer.ts";
import { paced } from "./outbox-writer.ts";
import { ms, printTable, summarise } from "./stats.ts";

const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const THROUGHPUT_EVENTS = Number(process.env.BENCH_THROUGHPUT_EVENTS ?? 10_000);
const USERS = 100;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ONLY = process.env.BENCH_ONLY; // "throughput" to skip the latency runs

const server = await startEmbeddedPostgres({ dataDir: `${tempDataDir("taskboard-bench-")}/data`, persistent: false });
const log = pino({ level: "warn" });
let seq = 0;

function eventsFor(count: number): TCloudEvent[] {
  return Array.from({ length: count }, () => sampleEvent("task.created", `bench-user-${seq++ % USERS}`));
}

async function freshDatabase(): Promise<string> {
  const name = `bench_${Date.now()}_${seq++}`;
  await server.createDatabase(name);
  const url = server.urlFor(name);
  await migrate(url);
  return url;
}

/** In-process workers with a consumer that only records when each event reached it. */
async function workers(url: string, relay: boolean, consumedAt: Map<string, number>): Promise<RunningWorkers> {
  const noop = defineConsumer({
    name: "bench",
    topic: TOPICS.taskEvents,
    events: Object.values(eventRegistry).filter((d) => d.topic === TOPICS.taskEvents),
    async handle(event) {
      consumedAt.set(event.id, performance.now());
    },
  });
  return startWorkers(
    {
      bus: { kind: "embedded", databaseUrl: url, retry: { maxRetries: 3, initialDelayMs: 1_000 }, concurrency: CONCURRENCY, staleLockMs: 30_000, daprSettings: {} },
      port: 0,
      relay: { enabled: relay, batchSize: 500, pollIntervalMs: 1_000 },
    },
    [noop],
    log,
  );
}

async function waitUntil(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("benchmark timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Commit latency of plain INSERT+COMMIT, and commit-to-consumer latency through the backbone. */
async function latencyRun(label: string, count: number, perSecond: number, connections: number) {
  const bareUrl = await freshDatabase();
  const barePool = new pg.Pool({ connectionString: bareUrl, max: connections });
  const bare: number[] = [];
  await paced(barePool, eventsFor(count), perSecond, connections, (_e, _t, latency) => bare.push(latency));
  await barePool.end();

  const url = await freshDatabase();
  const consumedAt = new Map<string, number>();
  const app = await workers(url, true, consumedAt);
  const pool = new pg.Pool({ connectionString: url, max: connections });
  const committedAt = new Map<string, number>();
  const events = eventsFor(count);
  await paced(pool, events, perSecond, connections, (event, at) => committedAt.set(event.id, at));
  await waitUntil(() => consumedAt.size >= count, 300_000);
  const endToEnd = events.map((e) => (consumedAt.get(e.id) ?? Number.NaN) - (committedAt.get(e.id) ?? Number.NaN));
  await pool.end();
  await app.stop();
  return { label, bare: summarise(bare), endToEnd: summarise(endToEnd) };
}

async function throughputRun(count: number) {
  const bareUrl = await freshDatabase();
  const barePool = new pg.Pool({ connectionString: bareUrl, max: 4 });
  const bareMs = await paced(barePool, eventsFor(count), 0, 4, () => undefined);
  await barePool.end();

  // Fill the outbox first (relay off), then time the drain into a no-op consumer.
  const url = await freshDatabase();
  const fill = new pg.Pool({ connectionString: url, max: 4 });
  await paced(fill, eventsFor(count), 0, 4, () => undefined);
  await fill.end();
  const consumedAt = new Map<string, number>();
  const app = await workers(url, true, consumedAt);
  const started = performance.now();
  const check = new pg.Client({ connectionString: url });
  await check.connect();
  let relayedMs = 0;
  while (consumedAt.size < count) {
    if (!relayedMs) {
      const { rows } = await check.query<{ n: string }>("SELECT count(*) AS n FROM outbox_events WHERE published_at IS NULL");
      if (rows[0]?.n === "0") relayedMs = performance.now() - started;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const consumedMs = performance.now() - started;
  await check.end();
  await app.stop();
  return {
    bare: count / (bareMs / 1000),
    relay: count / ((relayedMs || consumedMs) / 1000),
    consumer: count / (consumedMs / 1000),
  };
}

console.error(`benchmark on ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
const throughput = await throughputRun(THROUGHPUT_EVENTS);
const latencies =
  ONLY === "throughput"
    ? []
    : [
        await latencyRun("idle (1 mutation at a time, 20/s)", 200, 20, 1),
        await latencyRun(`500 mutations/s for ${LOAD_SECONDS} s (${USERS} users)`, 500 * LOAD_SECONDS, 500, 16),
      ];

const rows = [
  ["scenario", "plain INSERT+COMMIT p50 / p95 / p99", "outbox → consumer p50 / p95 / p99"],
  ...latencies.map((r) => [
    r.label,
    `${ms(r.bare.p50)} / ${ms(r.bare.p95)} / ${ms(r.bare.p99)}`,
    `${ms(r.endToEnd.p50)} / ${ms(r.endToEnd.p95)} / ${ms(r.endToEnd.p99)}`,
  ]),
];
console.log(printTable(rows));
console.log();
console.log(
  printTable([
    ["sustained throughput", `${THROUGHPUT_EVENTS} events, ${USERS} users`],
    ["plain INSERT+COMMIT (4 connections, 1 row per transaction)", `${Math.round(throughput.bare)} rows/s`],
    ["relay: outbox → bus (published)", `${Math.round(throughput.relay)} events/s`],
    ["relay + no-op consumer (consumed, idempotency record included)", `${Math.round(throughput.consumer)} events/s`],
  ]),
);
console.error(`load average after: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
await server.stop();
process.exit(0);
