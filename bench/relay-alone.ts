// `npm run bench:relay`: the outbox relay alone on a backlog. The embedded bus has its subscribers
// registered (BENCH_RELAY_SUBSCRIBERS, default 5 as `npm start` has on task-events) but no worker
// runs, so the relay does not share the CPU with consumers, as it does in `npm run bench`'s
// throughput row. Each round: a fresh database, BENCH_THROUGHPUT_EVENTS rows committed in one
// transaction, timed from that COMMIT until no row is unpublished. Beside it, the bare cost of the
// relay's own database work with plain node-postgres (read a batch in sequence order, mark it
// published, no bus), on the same server in the same run.
// Knobs: BENCH_THROUGHPUT_EVENTS (10000), BENCH_RELAY_BATCH (500), BENCH_RELAY_SUBSCRIBERS (5),
//        BENCH_RELAY_ROUNDS (3).
import os from "node:os";
import { createDb } from "@taskboard/db";
import { startEmbeddedPostgres, tempDataDir } from "@taskboard/db/embedded";
import { migrate } from "@taskboard/db/migrate";
import { TOPICS } from "@taskboard/events";
import { sampleEvent } from "@taskboard/events/contract";
import pg from "pg";
import pino from "pino";
import { createOutboxRelay } from "../apps/workers/src/relay/outbox-relay.ts";
import { createEmbeddedBus } from "../apps/workers/src/transports/embedded/embedded-bus.ts";
import { commitOutboxRows } from "./outbox-writer.ts";
import { printTable } from "./stats.ts";

const EVENTS = Number(process.env.BENCH_THROUGHPUT_EVENTS ?? 10_000);
const BATCH = Number(process.env.BENCH_RELAY_BATCH ?? 500);
const SUBSCRIBERS = Number(process.env.BENCH_RELAY_SUBSCRIBERS ?? 5);
const ROUNDS = Number(process.env.BENCH_RELAY_ROUNDS ?? 3);
const log = pino({ level: "warn" });

console.error(`benchmark on ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
const server = await startEmbeddedPostgres({ dataDir: `${tempDataDir("taskboard-bench-relay-")}/data`, persistent: false });
let databases = 0;

/** A fresh migrated database with the embedded bus's schema and SUBSCRIBERS subscriptions. */
async function fresh() {
  const name = `relay_${databases++}`;
  await server.createDatabase(name);
  const url = server.urlFor(name);
  await migrate(url);
  const bus = createEmbeddedBus({ connectionString: url, onDeadLetter: async () => undefined });
  await bus.publish(TOPICS.taskEvents, [sampleEvent("task.created", "bench-warm-up")]); // installs the schemas
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (let i = 0; i < SUBSCRIBERS; i++) {
    await client.query("INSERT INTO taskboard_bus.subscriptions (topic, consumer) VALUES ($1, $2)", [TOPICS.taskEvents, `bench-${i}`]);
  }
  const backlog = () => commitOutboxRows(client, Array.from({ length: EVENTS }, (_, i) => sampleEvent("task.created", `bench-user-${i % 100}`)));
  const drained = async () => {
    const { rows } = await client.query<{ done: boolean }>("SELECT NOT EXISTS (SELECT 1 FROM outbox_events WHERE published_at IS NULL) AS done");
    return rows[0]?.done === true;
  };
  return { url, bus, client, backlog, drained };
}

async function relayRound(): Promise<number> {
  const { url, bus, client, backlog, drained } = await fresh();
  const db = createDb(url, { maxConnections: 4 });
  const relay = createOutboxRelay({ db, connectionString: url, bus, log, batchSize: BATCH, pollIntervalMs: 1_000 });
  relay.start();
  while (!relay.isLeader()) await new Promise((r) => setTimeout(r, 5));
  await backlog();
  const started = performance.now();
  while (!(await drained())) await new Promise((r) => setTimeout(r, 10));
  const perSecond = EVENTS / ((performance.now() - started) / 1000);
  await relay.stop();
  await bus.stop();
  await db.$disconnect();
  await client.end();
  return perSecond;
}

/** The relay's own SQL without a bus: read a batch, mark it, until none is left. */
async function bareRound(): Promise<number> {
  const { bus, client, backlog } = await fresh();
  await backlog();
  const started = performance.now();
  for (;;) {
    const { rows } = await client.query<{ id: string }>(
      "SELECT id, sequence, topic, partition_key, event FROM outbox_events WHERE published_at IS NULL ORDER BY sequence LIMIT $1",
      [BATCH],
    );
    if (rows.length === 0) break;
    await client.query("UPDATE outbox_events SET published_at = now() WHERE id = ANY($1::uuid[])", [rows.map((r) => r.id)]);
  }
  const perSecond = EVENTS / ((performance.now() - started) / 1000);
  await bus.stop();
  await client.end();
  return perSecond;
}

const relay: number[] = [];
const bare: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  relay.push(await relayRound());
  bare.push(await bareRound());
}
const figures = (values: number[]) => values.map((v) => Math.round(v).toLocaleString("en")).join(" / ");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
console.log(
  printTable([
    [`relay alone, ${EVENTS} events, batch ${BATCH}, ${SUBSCRIBERS} subscribers`, "each round", "median"],
    ["relay: outbox → embedded bus (published)", `${figures(relay)} events/s`, `${Math.round(median(relay)).toLocaleString("en")} events/s`],
    ["bare: read + mark with plain node-postgres, no bus", `${figures(bare)} rows/s`, `${Math.round(median(bare)).toLocaleString("en")} rows/s`],
  ]),
);
console.error(`load average after: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
await server.stop();
process.exit(0);
