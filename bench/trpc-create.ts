// `npm run bench:api`: task.create over real HTTP with a signed-in session, against the product as
// `npm start` runs it (production build, embedded PostgreSQL, web + workers). Prints create
// latency with one client and throughput with 50, beside plain node-postgres INSERT+COMMIT of the
// same rows (a task and its outbox event) on the same server.
// Knobs: BENCH_API_REQUESTS (default 500, one client), BENCH_API_SECONDS (default 10, 50 clients).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { freePort } from "@taskboard/db/ports";
import { startProduct } from "./product.ts";
import { ms, printTable, summarise } from "./stats.ts";
import { signUpOverHttp, trpcFetch } from "@taskboard/devtools";

const REQUESTS = Number(process.env.BENCH_API_REQUESTS ?? 500);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
const CLIENTS = 50;
const product = startProduct({
  dataDirPrefix: "taskboard-bench-api-",
  webPort: 3290,
  workersPort: 3291,
  socketPort: 3293,
  pgPort: await freePort(),
});
const { base, origin, databaseUrl } = product;
await product.ready;

const { cookie } = await signUpOverHttp({ base, origin, name: "Bench", emailPrefix: "bench" });

async function createTask(n: number): Promise<number> {
  const started = performance.now();
  const res = await trpcFetch({ base, origin, cookie }, "task.create", {
    title: `Bench task ${n}`,
    priority: "MEDIUM",
    dueAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  if (!res.ok) throw new Error(`task.create answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
  return performance.now() - started;
}

async function sequential(count: number, run: (n: number) => Promise<number>) {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push(await run(i));
  return summarise(samples);
}

async function concurrent(clients: number, seconds: number, run: (n: number) => Promise<number>) {
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  const samples: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        samples.push(await run(done++));
      }
    }),
  );
  return { perSecond: samples.length / seconds, latency: summarise(samples) };
}

// The bare database: the same two rows a create commits, through plain node-postgres.
const pool = new pg.Pool({ connectionString: databaseUrl, max: CLIENTS });
const { rows } = await pool.query<{ id: string }>("SELECT id FROM users LIMIT 1");
const userId = rows[0]?.id;
if (!userId) throw new Error("the signed-up user is missing");
async function bareInsert(n: number): Promise<number> {
  const started = performance.now();
  const client = await pool.connect();
  try {
    const taskId = randomUUID();
    await client.query("BEGIN");
    await client.query(
      "INSERT INTO tasks (id, user_id, title, priority, due_at, position) VALUES ($1, $2, $3, 'MEDIUM', now() + interval '1 day', $4)",
      [taskId, userId, `Bare task ${n}`, n],
    );
    await client.query(
      "INSERT INTO outbox_events (id, topic, type, partition_key, event) VALUES ($1, 'task-events', 'task.created', $2, $3)",
      [randomUUID(), userId, JSON.stringify({ id: taskId, title: `Bare task ${n}` })],
    );
    await client.query("COMMIT");
  } finally {
    client.release();
  }
  return performance.now() - started;
}

await sequential(20, createTask); // warm-up: JIT, connection pools, route compilation
const apiOne = await sequential(REQUESTS, createTask);
const bareOne = await sequential(REQUESTS, bareInsert);
const apiMany = await concurrent(CLIENTS, SECONDS, createTask);
const bareMany = await concurrent(CLIENTS, SECONDS, bareInsert);
await pool.end();

const row = (name: string, api: string, bare: string, ratio: string) => [name, api, bare, ratio];
const latency = (s: { p50: number; p95: number; p99: number }) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`;
console.log(`\ntask.create over HTTP (signed in), ${REQUESTS} sequential requests, then ${CLIENTS} clients for ${SECONDS} s`);
console.log(
  printTable([
    ["measure", "tRPC task.create", "plain INSERT+COMMIT", "ratio"],
    row("1 client p50 / p95 / p99", latency(apiOne), latency(bareOne), `${(apiOne.p50 / bareOne.p50).toFixed(1)}x p50`),
    row(
      `${CLIENTS} clients throughput`,
      `${apiMany.perSecond.toFixed(0)} req/s`,
      `${bareMany.perSecond.toFixed(0)} tx/s`,
      `${((100 * apiMany.perSecond) / bareMany.perSecond).toFixed(0)}% of bare`,
    ),
    row(`${CLIENTS} clients p50 / p95 / p99`, latency(apiMany.latency), latency(bareMany.latency), ""),
  ]),
);
product.stop();
process.exit(0);
