// `npm run bench:dapr`: the backbone scenarios of `npm run bench` (backbone.ts) on the Dapr
// transport with a real daprd, Kafka (KRaft) and the Dapr scheduler from `npm run tools`, printed
// beside the embedded transport and plain INSERT+COMMIT measured in the same run: outbox →
// consumer latency idle and at 500 mutations/s, the drain of a 10,000-event backlog through relay
// → daprd → Kafka → daprd → consumer, the relay's publish calls (its histogram) and daprd's own
// view of them (its metrics), and daprd's resident memory. Every run of the Dapr transport gets a
// fresh sidecar and its own topics (DAPR_TOPIC_PREFIX); the broker and scheduler are shared.
// Loopback only; bounded by BENCH_DAPR_MAX_MINUTES.
// Knobs: BENCH_LOAD_SECONDS (10), BENCH_THROUGHPUT_EVENTS (10000), BENCH_CONCURRENCY (8),
// BENCH_DAPR_PUBSUB ("kafka"; "kafka,redis" adds Redis Streams), BENCH_DAPR_MAX_MINUTES (30).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, tempDataDir, type RunningPostgres } from "@taskboard/db/embedded";
import { freePort, missingDaprTools, startDaprStack, type DaprStack, type PubsubKind } from "@taskboard/devtools";
import pino from "pino";
import { backbone, embeddedTransport, USERS, type BenchTransport, type LatencyResult, type RunResult, type ThroughputResult } from "./backbone.ts";
import { scrapeMetrics } from "./dapr-sidecar.ts";
import { sampleResident } from "./processes.ts";
import { histogramDelta, histogramSummary, readHistogram, type HistogramSnapshot } from "./prometheus.ts";
import { ms, printTable, type LatencySummary } from "./stats.ts";

const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const THROUGHPUT_EVENTS = Number(process.env.BENCH_THROUGHPUT_EVENTS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const MAX_MINUTES = Number(process.env.BENCH_DAPR_MAX_MINUTES ?? 30);
const PUBSUBS = (process.env.BENCH_DAPR_PUBSUB ?? "kafka").split(",").map((p) => p.trim()) as PubsubKind[];

/** The targets (#11). */
const TARGET_RSS_MB = 128;
const TARGET_PUBLISH_P95_MS = 100;

for (const pubsub of PUBSUBS) {
  if (pubsub !== "kafka" && pubsub !== "redis") throw new Error(`BENCH_DAPR_PUBSUB: "${pubsub}" is neither kafka nor redis`);
}
const missing = [...new Set(PUBSUBS.flatMap((p) => missingDaprTools(p)))];
if (missing.length > 0) {
  for (const line of missing) console.log(line);
  process.exit(0);
}

/** What one Dapr run's sidecar showed in the measured part. */
interface SidecarFigures {
  rssAtMarkBytes: number;
  rssPeakBytes: number;
  /** daprd's own time for each POST /v1.0/publish (dapr_http_server_latency, ms). */
  publishRequests: HistogramSnapshot;
  /** daprd → broker, per message (dapr_component_pubsub_egress_latencies, ms). */
  egress: HistogramSnapshot;
}

function sidecarHistograms(text: string) {
  return {
    publishRequests: readHistogram(text, "dapr_http_server_latency", (l) => l.method === "POST" && (l.path ?? "").startsWith("/v1.0/publish/")),
    egress: readHistogram(text, "dapr_component_pubsub_egress_latencies"),
  };
}

/** The Dapr transport over `stack`: each run its own sidecar and topics. */
function daprTransport(stack: DaprStack): BenchTransport<SidecarFigures> {
  return {
    label: `dapr + ${stack.pubsub === "kafka" ? "Kafka" : "Redis Streams"}`,
    async open() {
      const sidecar = await stack.sidecar({ appPort: await freePort() });
      const memory = sampleResident(sidecar.process().pid);
      let before = sidecarHistograms("");
      let rssAtMarkBytes = 0;
      return {
        bus: { kind: "dapr", daprSettings: { ...sidecar.env, DAPR_TOPIC_PREFIX: `bench-${randomUUID().slice(0, 8)}.` } },
        async mark() {
          before = sidecarHistograms(await scrapeMetrics(sidecar.metricsPort));
          memory.reset();
          rssAtMarkBytes = memory.peak();
        },
        async close() {
          const after = sidecarHistograms(await scrapeMetrics(sidecar.metricsPort));
          const rssPeakBytes = memory.peak();
          memory.stop();
          await sidecar.stop();
          return {
            rssAtMarkBytes,
            rssPeakBytes,
            publishRequests: histogramDelta(after.publishRequests, before.publishRequests),
            egress: histogramDelta(after.egress, before.egress),
          };
        },
      };
    },
  };
}

const pgParent = tempDataDir("taskboard-bench-dapr-");
let server: RunningPostgres | undefined;
const stacks: DaprStack[] = [];
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const stack of stacks.splice(0)) await stack.cleanup().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    // Empty once the non-persistent server removed its data folder; left alone otherwise.
    try {
      fs.rmdirSync(pgParent);
    } catch {
      // not empty, or already gone
    }
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void cleanup().then(() => process.exit(130)));
setTimeout(() => {
  console.error(`bench:dapr: still running after ${MAX_MINUTES} min (BENCH_DAPR_MAX_MINUTES): stopping`);
  void cleanup().then(() => process.exit(1));
}, MAX_MINUTES * 60_000).unref();

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" ");
const loadAtStart = load();
console.error(`bench:dapr on ${os.cpus().length} cores, load average ${loadAtStart}`);

const triple = (s: LatencySummary) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const perCall = (r: RunResult<unknown>) => (r.publishCalls.count > 0 ? (r.published / r.publishCalls.count).toFixed(1) : "–");

try {
  server = await startEmbeddedPostgres({ dataDir: path.join(pgParent, "data"), persistent: false });
  for (const pubsub of PUBSUBS) {
    console.error(`starting ${pubsub} and the Dapr scheduler`);
    stacks.push(await startDaprStack({ pubsub }));
  }
  const bench = backbone(server, { log: pino({ level: "warn" }), concurrency: CONCURRENCY });
  const dapr = stacks.map(daprTransport);
  const transports: BenchTransport<SidecarFigures | undefined>[] = [embeddedTransport, ...dapr];

  type Scenario = { label: string; bare: LatencySummary; runs: LatencyResult<SidecarFigures | undefined>[] };
  const latency = async (label: string, count: number, perSecond: number, connections: number): Promise<Scenario> => {
    const bare = await bench.bareLatency(count, perSecond, connections);
    const runs = [];
    for (const transport of transports) {
      console.error(`${label}: ${transport.label}`);
      runs.push(await bench.latency(transport, count, perSecond, connections));
    }
    return { label, bare, runs };
  };

  console.error(`backlog of ${THROUGHPUT_EVENTS} events`);
  const bareRowsPerSecond = await bench.bareThroughput(THROUGHPUT_EVENTS);
  const drains: ThroughputResult<SidecarFigures | undefined>[] = [];
  for (const transport of transports) {
    console.error(`backlog: ${transport.label}`);
    drains.push(await bench.throughput(transport, THROUGHPUT_EVENTS));
  }
  const idle = await latency("idle (1 mutation at a time, 20/s)", 200, 20, 1);
  const loaded = await latency(`500 mutations/s for ${LOAD_SECONDS} s (${USERS} users)`, 500 * LOAD_SECONDS, 500, 16);
  const loadAtEnd = load();

  const labels = transports.map((t) => t.label);
  console.log(`\nload average ${loadAtStart} → ${loadAtEnd} (${os.cpus().length} cores)\n`);
  console.log(
    printTable([
      ["outbox → consumer p50 / p95 / p99", "plain INSERT+COMMIT", ...labels],
      ...[idle, loaded].map((s) => [s.label, triple(s.bare), ...s.runs.map((r) => triple(r.endToEnd))]),
    ]),
  );
  console.log();
  console.log(
    printTable([
      [`backlog of ${THROUGHPUT_EVENTS} events (${USERS} users) committed at once`, "plain INSERT+COMMIT", ...labels],
      ["plain INSERT+COMMIT (4 connections, 1 row per transaction)", `${Math.round(bareRowsPerSecond)} rows/s`, ...labels.map(() => "")],
      ["relay: outbox → bus (published)", "", ...drains.map((d) => `${Math.round(d.relayPerSecond)} events/s`)],
      ["relay + no-op consumer (consumed)", "", ...drains.map((d) => `${Math.round(d.consumedPerSecond)} events/s`)],
    ]),
  );

  // Per transport, the relay's publish calls and (Dapr) the sidecar's figures, per scenario.
  const phases: [string, RunResult<SidecarFigures | undefined>[]][] = [
    ["idle", idle.runs],
    [`${500} mutations/s`, loaded.runs],
    ["backlog", drains],
  ];
  const rows: string[][] = [["measure", ...phases.map(([name]) => name), "target"]];
  transports.forEach((transport, t) => {
    const of = (phase: RunResult<SidecarFigures | undefined>[]) => phase[t] as RunResult<SidecarFigures | undefined>;
    rows.push([
      `${transport.label}: relay publish call p50 / p95 / p99 (events per call)`,
      ...phases.map(([, runs]) => `${triple(histogramSummary(of(runs).publishCalls, 1000))} (${perCall(of(runs))})`),
      t === 0 ? "" : `p95 < ${TARGET_PUBLISH_P95_MS} ms`,
    ]);
    if (t === 0) return;
    const sidecar = (runs: RunResult<SidecarFigures | undefined>[]) => of(runs).transport as SidecarFigures;
    rows.push(
      [`${transport.label}: daprd POST /v1.0/publish p50 / p95 / p99`, ...phases.map(([, runs]) => triple(histogramSummary(sidecar(runs).publishRequests, 1))), `p95 < ${TARGET_PUBLISH_P95_MS} ms`],
      [`${transport.label}: daprd → broker p50 / p95 / p99`, ...phases.map(([, runs]) => triple(histogramSummary(sidecar(runs).egress, 1))), ""],
      [`${transport.label}: daprd RSS warmed up → peak`, ...phases.map(([, runs]) => `${mb(sidecar(runs).rssAtMarkBytes)} → ${mb(sidecar(runs).rssPeakBytes)}`), `< ${TARGET_RSS_MB} MB`],
    );
  });
  console.log();
  console.log(printTable(rows));

  // The targets are per event: the relay's call when it carries one event (idle), and daprd's
  // own time per publish request in every phase. A call carrying a batch is not one publish.
  const verdicts = dapr.map((transport, i) => {
    const of = (runs: RunResult<SidecarFigures | undefined>[]) => runs[i + 1] as RunResult<SidecarFigures>;
    const peak = Math.max(...phases.map(([, runs]) => of(runs).transport.rssPeakBytes));
    const idleCall = histogramSummary(of(idle.runs).publishCalls, 1000).p95;
    const perRequest = Math.max(...phases.map(([, runs]) => histogramSummary(of(runs).transport.publishRequests, 1).p95));
    const met = (ok: boolean) => (ok ? "met" : "NOT met");
    return [
      `${transport.label}: daprd RSS peak ${mb(peak)} (target < ${TARGET_RSS_MB} MB: ${met(peak < TARGET_RSS_MB * 1024 * 1024)})`,
      `${transport.label}: publish p95 of one event: relay call when idle ${ms(idleCall)}, daprd per request ${ms(perRequest)} in the worst phase (target < ${TARGET_PUBLISH_P95_MS} ms: ${met(Math.max(idleCall, perRequest) < TARGET_PUBLISH_P95_MS)})`,
    ];
  });
  console.log();
  for (const line of verdicts.flat()) console.log(line);
} finally {
  await cleanup();
}
process.exit(0);
