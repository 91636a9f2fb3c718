// `npm run bench`: outbox-to-consumer latency (idle and at 500 mutations/s) and sustained relay
// throughput on the embedded transport, each beside plain node-postgres INSERT+COMMIT of the
// same rows. Starts its own embedded PostgreSQL; prints a Markdown table. The scenarios are in
// backbone.ts (`npm run bench:dapr` runs the same ones on the Dapr transport too).
// Knobs: BENCH_LOAD_SECONDS (default 10), BENCH_THROUGHPUT_EVENTS (default 10000).
import os from "node:os";
import { startEmbeddedPostgres, tempDataDir } from "@taskboard/db/embedded";
import pino from "pino";
import { backbone, embeddedTransport, USERS } from "./backbone.ts";
import { ms, printTable } from "./stats.ts";

const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const THROUGHPUT_EVENTS = Number(process.env.BENCH_THROUGHPUT_EVENTS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ONLY = process.env.BENCH_ONLY; // "throughput" to skip the latency runs

const server = await startEmbeddedPostgres({ dataDir: `${tempDataDir("taskboard-bench-")}/data`, persistent: false });
const bench = backbone(server, { log: pino({ level: "warn" }), concurrency: CONCURRENCY });

async function latencyRun(label: string, count: number, perSecond: number, connections: number) {
  const bare = await bench.bareLatency(count, perSecond, connections);
  const { endToEnd } = await bench.latency(embeddedTransport, count, perSecond, connections);
  return { label, bare, endToEnd };
}

console.error(`benchmark on ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
const bareRowsPerSecond = await bench.bareThroughput(THROUGHPUT_EVENTS);
const throughput = await bench.throughput(embeddedTransport, THROUGHPUT_EVENTS);
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
    ["plain INSERT+COMMIT (4 connections, 1 row per transaction)", `${Math.round(bareRowsPerSecond)} rows/s`],
    ["relay: outbox → bus (published)", `${Math.round(throughput.relayPerSecond)} events/s`],
    ["relay + no-op consumer (consumed, idempotency record included)", `${Math.round(throughput.consumedPerSecond)} events/s`],
  ]),
);
console.error(`load average after: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
await server.stop();
process.exit(0);
