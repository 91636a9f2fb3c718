// `npm run drill:swap`: the broker swap of docs/dapr.md ("Swapping the broker") rehearsed on the
// real Dapr runtime. The product runs as `npm start` runs it on EVENT_BUS=dapr beside a daprd
// loading the chart's Kafka component, under a steady trickle of mutations from a few signed-in
// users over HTTP (tasks with reminders, recurring tasks, edits, completions). Then the run book:
// pause the relay (an operator session takes its advisory lock), wait until it is idle and until
// every published event has been consumed, stop the sidecar, start one on the same ports with the
// chart's Redis Streams component (same code, same app id and scheduler: only the resources path
// differs), resume the relay. The trickle never stops. Judged by the books in SQL (books.ts):
// every committed change audited exactly once, nothing left unpublished, every due reminder fired,
// every completed recurring task followed once. Prints the timings and the books.
// Knobs: DRILL_USERS (3), DRILL_BEFORE_SECONDS (30: trickle on Kafka before the swap),
// DRILL_AFTER_SECONDS (30: trickle on Redis after it), DRILL_MAX_MINUTES (20), DRILL_KEEP_DATA=1.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import {
  freePort,
  missingDaprTools,
  renderDaprResources,
  startDaprd,
  startKafka,
  startRedis,
  startScheduler,
  WORKERS_APP_ID,
  type Daprd,
} from "@taskboard/devtools";
import pg from "pg";
import { consumers } from "../apps/workers/src/consumers/index.ts";
import { RELAY_LEADER_LOCK } from "../apps/workers/src/relay/relay-connection.ts";
import { scrapeMetrics, waitSubscribed } from "../bench/dapr-sidecar.ts";
import { readCounter } from "../bench/prometheus.ts";
import { printTable } from "../bench/stats.ts";
import { duplicated, lost, measureRecovery, problemsIn, settledBooks } from "./books.ts";
import { startChaosProduct, type ChaosProduct } from "./product.ts";
import { Workload, type SimulatedUser } from "./workload.ts";

const USERS = Number(process.env.DRILL_USERS ?? 3);
const BEFORE_SECONDS = Number(process.env.DRILL_BEFORE_SECONDS ?? 30);
const AFTER_SECONDS = Number(process.env.DRILL_AFTER_SECONDS ?? 30);
const MAX_MINUTES = Number(process.env.DRILL_MAX_MINUTES ?? 20);
const KEEP_DATA = process.env.DRILL_KEEP_DATA === "1";
/** The target (#11): the swap in under 5 minutes, nothing lost. */
const TARGET_SWAP_MS = 5 * 60_000;
const STEP_CAP_MS = 180_000;

const missing = [...new Set([...missingDaprTools("kafka"), ...missingDaprTools("redis")])];
if (missing.length > 0) {
  for (const line of missing) console.log(line);
  process.exit(0);
}

const startedAt = Date.now();
const log = (msg: string) => console.error(`[drill ${((Date.now() - startedAt) / 1000).toFixed(1).padStart(6)} s] ${msg}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "taskboard-swap-drill-"));
const logDir = path.join(dataDir, "logs");
const stops: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
    // Only the folder this run created with mkdtemp above.
    if (!KEEP_DATA && path.dirname(dataDir) === os.tmpdir() && path.basename(dataDir).startsWith("taskboard-swap-drill-")) {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void cleanup().then(() => process.exit(130)));
setTimeout(() => {
  console.error(`drill:swap: still running after ${MAX_MINUTES} min (DRILL_MAX_MINUTES): stopping`);
  void cleanup().then(() => process.exit(2));
}, MAX_MINUTES * 60_000).unref();

async function until(what: string, check: () => Promise<boolean>, capMs = STEP_CAP_MS, everyMs = 100): Promise<void> {
  const deadline = Date.now() + capMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`drill:swap: gave up waiting for ${what} after ${capMs / 1000} s`);
    await sleep(everyMs);
  }
}

/**
 * Pauses the relay of every replica the way the run book does it: one session waits for the
 * leader's advisory lock, the leader's session is ended (a relay that loses its session stands
 * down, as on a failover), the lock goes to the waiting session, and no relay can lead until that
 * session lets go.
 */
async function pauseRelay(databaseUrl: string, admin: pg.Pool) {
  const operator = new pg.Client({ connectionString: databaseUrl });
  await operator.connect();
  const { rows } = await operator.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const operatorPid = rows[0]?.pid;
  let granted = false;
  const locked = operator.query("SELECT pg_advisory_lock(hashtext($1))", [RELAY_LEADER_LOCK]).then(() => void (granted = true));
  await until("the relay lock", async () => {
    if (granted) return true;
    await admin.query("SELECT pg_terminate_backend(pid) FROM unnest(pg_blocking_pids($1)) AS pid", [operatorPid]);
    return granted;
  });
  await locked;
  return {
    async resume() {
      await operator.query("SELECT pg_advisory_unlock(hashtext($1))", [RELAY_LEADER_LOCK]);
      await operator.end();
    },
  };
}

/** The relay leader gauge of the workers: 0 once the relay finished the batch it had in hand. */
async function relayLeading(workersPort: number): Promise<number> {
  try {
    const text = await (await fetch(`http://127.0.0.1:${workersPort}/metrics`, { signal: AbortSignal.timeout(5_000) })).text();
    return readCounter(text, "taskboard_outbox_relay_leader");
  } catch {
    return Number.NaN;
  }
}

// Every (consumer, topic, event type) the workers handle: an event is consumed once each consumer
// of its type has its idempotency record (or dead-lettered it).
const handled = consumers.flatMap((c) => c.events.map((e) => [c.name, c.topic, e.type] as const));

/** Published events some consumer has not yet settled: what would be left behind in the broker. */
async function unconsumed(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM outbox_events o
       JOIN unnest($1::text[], $2::text[], $3::text[]) AS w(consumer, topic, type) ON w.topic = o.topic AND w.type = o.type
      WHERE o.published_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM processed_events p WHERE p.consumer = w.consumer AND p.event_id = o.event->>'id')
        AND NOT EXISTS (SELECT 1 FROM dead_letters d WHERE d.consumer = w.consumer AND d.event_id = o.event->>'id')`,
    [handled.map((h) => h[0]), handled.map((h) => h[1]), handled.map((h) => h[2])],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Events published since `since` that a consumer has already processed. */
async function processedSince(pool: pg.Pool, since: number): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM outbox_events o JOIN processed_events p ON p.event_id = o.event->>'id' WHERE o.published_at >= $1`,
    [new Date(since).toISOString()],
  );
  return Number(rows[0]?.n ?? 0);
}

let exitCode = 0;
try {
  log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}; starting Kafka, redis-server and the Dapr scheduler`);
  const kafka = await startKafka({ dataDir: path.join(dataDir, "kafka") });
  stops.push(() => kafka.stop());
  const redis = await startRedis({ dataDir: path.join(dataDir, "redis") });
  stops.push(() => redis.stop());
  const scheduler = await startScheduler({ dataDir: path.join(dataDir, "scheduler") });
  stops.push(() => scheduler.stop());
  const resources = {
    kafka: await renderDaprResources({ pubsub: "kafka", kafkaBrokers: kafka.bootstrap, outDir: path.join(dataDir, "resources-kafka") }),
    redis: await renderDaprResources({ pubsub: "redis", redisHost: redis.host, outDir: path.join(dataDir, "resources-redis") }),
  };

  // The sidecar of the workers: the same app id, app port, ports and scheduler before and after
  // the swap; only the resources path differs.
  const [appPort, httpPort, grpcPort] = [await freePort(), await freePort(), await freePort()];
  let sidecar: Daprd | undefined;
  const startSidecar = async (pubsub: "kafka" | "redis") => {
    sidecar = await startDaprd({
      appId: WORKERS_APP_ID,
      appPort,
      httpPort,
      grpcPort,
      resourcesPath: resources[pubsub],
      schedulerAddress: scheduler.address,
      logDir,
      logName: `daprd-${pubsub}.log`,
    });
    return sidecar;
  };
  stops.push(async () => sidecar?.stop());
  const kafkaSidecar = await startSidecar("kafka");

  log("starting the product (npm start, EVENT_BUS=dapr) beside the Kafka sidecar");
  const chaos: ChaosProduct = await startChaosProduct({ staleLockMs: 10_000, env: { EVENT_BUS: "dapr", ...kafkaSidecar.env }, taken: [appPort, httpPort, grpcPort] });
  stops.push(() => chaos.stop());
  const topics = [...new Set(consumers.map((c) => c.topic))];
  await waitSubscribed(httpPort, topics, 60_000);

  const workload = new Workload(chaos.product.base, chaos.product.origin);
  const users: SimulatedUser[] = [];
  for (let i = 0; i < USERS; i++) users.push(await workload.signUp(`drill-${i}`));
  const ids = users.map((u) => u.id);
  // The trickle: each user drives in 15 s rounds (reminders fall due inside a round) until told.
  let stopAt = Number.POSITIVE_INFINITY;
  const trickle = Promise.all(
    users.map(async (user) => {
      while (Date.now() < stopAt) await workload.drive(user, Math.min(stopAt, Date.now() + 15_000));
    }),
  );
  log(`${USERS} users trickling mutations on Kafka for ${BEFORE_SECONDS} s`);
  await sleep(BEFORE_SECONDS * 1000);

  // 1. Pause the relay; 2. wait until it is idle (its batch in hand published and marked).
  const t = { pause: Date.now(), paused: 0, idle: 0, drained: 0, stop: 0, redisReady: 0, subscribed: 0, resumed: 0, firstViaRedis: 0, balanced: 0 };
  log("1. pausing the relay (operator session takes its advisory lock)");
  const relay = await pauseRelay(chaos.product.databaseUrl, chaos.pool);
  t.paused = Date.now();
  await until("the relay to stand down (taskboard_outbox_relay_leader 0)", async () => (await relayLeading(chaos.workersPort)) === 0);
  t.idle = Date.now();
  log("2. relay idle; 3. waiting until every published event is consumed through Kafka");
  await until("the consumers to drain Kafka", async () => (await unconsumed(chaos.pool)) === 0, STEP_CAP_MS, 250);
  t.drained = Date.now();
  const kafkaMetrics = await scrapeMetrics(kafkaSidecar.metricsPort);
  const viaKafka = {
    published: readCounter(kafkaMetrics, "dapr_component_pubsub_egress_count", (l) => l.success === "true"),
    delivered: readCounter(kafkaMetrics, "dapr_component_pubsub_ingress_count", (l) => l.process_status === "success"),
  };

  // 4. Swap the sidecar: the same daprd, the Redis Streams component.
  log("4. stopping the Kafka sidecar, starting the Redis Streams one on the same ports");
  t.stop = Date.now();
  await kafkaSidecar.stop();
  await startSidecar("redis");
  t.redisReady = Date.now();
  await waitSubscribed(httpPort, topics, 60_000);
  t.subscribed = Date.now();

  // 5. Resume the relay: the backlog of the pause goes out through Redis Streams.
  log("5. resuming the relay");
  await relay.resume();
  t.resumed = Date.now();
  await until("the first event processed via Redis Streams", async () => (await processedSince(chaos.pool, t.stop)) > 0);
  t.firstViaRedis = Date.now();
  t.balanced = t.stop + (await measureRecovery(chaos.pool, ids, t.stop, STEP_CAP_MS));
  log(`books balanced for everything committed before the stop; trickling on Redis Streams for ${AFTER_SECONDS} s more`);

  stopAt = Date.now() + AFTER_SECONDS * 1000;
  await trickle;
  log("trickle over; waiting for the books to settle");
  const books = await settledBooks(chaos.pool, ids, [], STEP_CAP_MS);
  const during = await chaos.pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM outbox_events WHERE partition_key = ANY($1) AND created_at BETWEEN $2 AND $3`,
    [ids, new Date(t.paused).toISOString(), new Date(t.resumed).toISOString()],
  );
  const problems = problemsIn(books);
  if (workload.errors) problems.push(`${workload.errors} failed request(s): ${workload.errorSamples.join(" | ")}`);

  const load = os.loadavg().map((l) => l.toFixed(1)).join(" ");
  console.log(`\nBroker swap drill: Kafka → Redis Streams, ${USERS} users trickling mutations throughout (load average at the end ${load}, ${os.cpus().length} cores)\n`);
  console.log(
    printTable([
      ["step", "took", "since the pause"],
      ["1. pause the relay (operator session holds its advisory lock)", seconds(t.paused - t.pause), seconds(t.paused - t.pause)],
      ["2. relay idle (taskboard_outbox_relay_leader 0)", seconds(t.idle - t.paused), seconds(t.idle - t.pause)],
      ["3. every published event consumed through Kafka", seconds(t.drained - t.idle), seconds(t.drained - t.pause)],
      ["4. stop the Kafka sidecar → Redis Streams sidecar ready", seconds(t.redisReady - t.stop), seconds(t.redisReady - t.pause)],
      ["   → it has subscribed (GET /v1.0/metadata)", seconds(t.subscribed - t.redisReady), seconds(t.subscribed - t.pause)],
      ["5. resume the relay", seconds(t.resumed - t.subscribed), seconds(t.resumed - t.pause)],
      ["stop sidecar → first event processed via Redis Streams", seconds(t.firstViaRedis - t.stop), seconds(t.firstViaRedis - t.pause)],
      ["stop sidecar → books balanced (all committed before the stop through)", seconds(t.balanced - t.stop), seconds(t.balanced - t.pause)],
    ]),
  );
  console.log();
  console.log(
    printTable([
      ["books (SQL, the drill's users)", "count"],
      ["events committed", String(books.events)],
      ["  of which while the relay was paused", during.rows[0]?.n ?? "?"],
      ["Kafka sidecar at the swap: published / delivered successfully (its metrics)", `${viaKafka.published} / ${viaKafka.delivered}`],
      ["lost (unpublished, unaudited, next occurrence or reminder missing)", String(lost(books))],
      ["duplicated (audit entries, next occurrences, notifications)", String(duplicated(books))],
      ["reminders due / never fired", `${books.remindersDue} / ${books.remindersMissing}`],
      ["dead letters", String(books.deadLettered)],
      ["failed requests", String(workload.errors)],
    ]),
  );
  const swapMs = t.balanced - t.pause;
  console.log(`\nswap (pause → books balanced) ${seconds(swapMs)}: target < 5 min with zero loss: ${swapMs < TARGET_SWAP_MS && problems.length === 0 ? "met" : "NOT met"}`);
  for (const problem of problems) console.log(`FAILED ${problem}`);
  console.log(`product log: ${chaos.logFile}; sidecar logs: ${KEEP_DATA ? logDir : "removed (DRILL_KEEP_DATA=1 keeps them)"}`);
  exitCode = problems.length > 0 || swapMs >= TARGET_SWAP_MS ? 1 : 0;
} catch (error) {
  console.error(error);
  exitCode = 2;
} finally {
  await cleanup();
}
process.exit(exitCode);
