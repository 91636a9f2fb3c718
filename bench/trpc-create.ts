// `npm run bench:api`: task.create over real HTTP with signed-in sessions, against the product as
// `npm start` runs it (production build, embedded PostgreSQL, web + workers). Prints create
// latency with one client, then throughput of one user with 50 concurrent clients and of 50 users
// with one client each, each beside plain node-postgres INSERT+COMMIT of the same rows (a task and
// its outbox event) on the same server in the same run, with the outbox lag and the consumers'
// backlog sampled during each run.
// Knobs: BENCH_API_REQUESTS (default 500, one client), BENCH_API_SECONDS (default 10, 50 clients).
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "@taskboard/db/ports";
import { cpuSeconds, processTree, productPid } from "./processes.ts";
import { startProduct } from "./product.ts";
import { ms, printTable, summarise } from "./stats.ts";
import { signUpOverHttp, trpcFetch, withSetCookies } from "@taskboard/devtools";

const REQUESTS = Number(process.env.BENCH_API_REQUESTS ?? 500);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
const CLIENTS = 50;
const productLog = path.join(os.tmpdir(), `taskboard-bench-api-${Date.now()}.log`);
const product = startProduct({
  logFile: productLog,
  dataDirPrefix: "taskboard-bench-api-",
  webPort: 3290,
  workersPort: 3291,
  socketPort: 3293,
  pgPort: await freePort(),
});
const { base, origin, databaseUrl } = product;
await product.ready;

console.error(`benchmark on ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
const owner = await signUpOverHttp({ base, origin, name: "Bench", emailPrefix: "bench" });
// 50 users, each from its own address (sign-ups are limited per address, as for real users).
const users = [];
for (let i = 0; i < CLIENTS; i++) {
  users.push(await signUpOverHttp({ base, origin, name: `Bench ${i}`, emailPrefix: `bench-${i}`, clientAddress: `198.18.0.${i + 1}` }));
}

/** One client: its own cookies, kept from every response as a browser keeps them. */
function client(cookie: string) {
  let jar = cookie;
  return async function createTask(n: number): Promise<number> {
    const started = performance.now();
    const res = await trpcFetch({ base, origin, cookie: jar }, "task.create", {
      title: `Bench task ${n}`,
      priority: "MEDIUM",
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    if (!res.ok) throw new Error(`task.create answered ${res.status}: ${await res.text()}`);
    jar = withSetCookies(jar, res);
    await res.arrayBuffer();
    return performance.now() - started;
  };
}

async function sequential(count: number, run: (n: number) => Promise<number>) {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push(await run(i));
  return summarise(samples);
}

/**
 * `runs[i]` in a loop for `seconds`, all at once; the outbox and the consumers' queue sampled
 * meanwhile. A refused create is counted (by its error) and the client goes on; only successful
 * creates count in the throughput and the latencies.
 */
async function concurrent(runs: readonly ((n: number) => Promise<number>)[], seconds: number) {
  const lag = sampleLag();
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  const samples: number[] = [];
  const failures = new Map<string, number>();
  await Promise.all(
    runs.map(async (run) => {
      while (performance.now() < deadline) {
        try {
          samples.push(await run(done++));
        } catch (error) {
          const reason = error instanceof Error ? error.message.slice(0, 160) : String(error);
          failures.set(reason, (failures.get(reason) ?? 0) + 1);
        }
      }
    }),
  );
  return { perSecond: samples.length / seconds, latency: summarise(samples), lag: await lag.stop(), failures };
}

// The bare database: the same two rows a create commits, through plain node-postgres.
// (Before #14 the bare outbox rows were relayed and dead-lettered by every consumer, so the
// 50-client run that followed shared the machine with that.)
const pool = new pg.Pool({ connectionString: databaseUrl, max: CLIENTS + 2 });
function bare(userId: string) {
  // A task lives in a project since shared boards: the user's Inbox, where task.create puts it without a projectId.
  let inbox: Promise<string> | undefined;
  const inboxOf = async () => {
    const { rows } = await pool.query<{ id: string }>("SELECT id FROM projects WHERE owner_id = $1 AND is_inbox", [userId]);
    const id = rows[0]?.id;
    if (!id) throw new Error(`user ${userId} has no Inbox project`);
    return id;
  };
  return async function bareInsert(n: number): Promise<number> {
    const projectId = await (inbox ??= inboxOf());
    const started = performance.now();
    const db = await pool.connect();
    try {
      const taskId = randomUUID();
      await db.query("BEGIN");
      await db.query(
        "INSERT INTO tasks (id, user_id, project_id, title, priority, due_at, position) VALUES ($1, $2, $3, $4, 'MEDIUM', now() + interval '1 day', $5)",
        [taskId, userId, projectId, `Bare task ${n}`, n],
      );
      // Written as already published: its event is not a real CloudEvent, and relayed it would
      // only be dead-lettered by every consumer, loading the machine during the next run.
      await db.query(
        "INSERT INTO outbox_events (id, topic, type, partition_key, event, published_at) VALUES ($1, 'task-events', 'task.created', $2, $3, now())",
        [randomUUID(), userId, JSON.stringify({ id: taskId, title: `Bare task ${n}` })],
      );
      await db.query("COMMIT");
    } finally {
      db.release();
    }
    return performance.now() - started;
  };
}

interface Lag {
  /** Oldest unpublished outbox row, at its worst, and the most rows waiting at once. */
  outboxMaxSeconds: number;
  outboxMaxPending: number;
  /** Consumer deliveries due but not yet done (graphile-worker jobs), at their worst. */
  jobsMaxSeconds: number;
  jobsMaxPending: number;
  /** From the end of the run until the outbox is published and the due deliveries are done. */
  drainSeconds: number;
}

async function lagNow() {
  const { rows } = await pool.query<{ outbox: string; outbox_age: number | null; jobs: string; jobs_age: number | null }>(
    `SELECT o.n AS outbox, o.age AS outbox_age, j.n AS jobs, j.age AS jobs_age
       FROM (SELECT count(*) AS n, extract(epoch FROM now() - min(created_at))::float8 AS age
               FROM outbox_events WHERE published_at IS NULL) o,
            (SELECT count(*) AS n, extract(epoch FROM now() - min(run_at))::float8 AS age
               FROM graphile_worker._private_jobs WHERE run_at <= now() AND attempts < max_attempts) j`,
  );
  const row = rows[0];
  return { outbox: Number(row?.outbox ?? 0), outboxAge: row?.outbox_age ?? 0, jobs: Number(row?.jobs ?? 0), jobsAge: row?.jobs_age ?? 0 };
}

/** Samples the outbox lag and the consumers' queue every 250 ms until `stop`, then waits for both to drain. */
function sampleLag() {
  const lag: Lag = { outboxMaxSeconds: 0, outboxMaxPending: 0, jobsMaxSeconds: 0, jobsMaxPending: 0, drainSeconds: 0 };
  let running = true;
  const take = async () => {
    const now = await lagNow();
    lag.outboxMaxSeconds = Math.max(lag.outboxMaxSeconds, now.outboxAge);
    lag.outboxMaxPending = Math.max(lag.outboxMaxPending, now.outbox);
    lag.jobsMaxSeconds = Math.max(lag.jobsMaxSeconds, now.jobsAge);
    lag.jobsMaxPending = Math.max(lag.jobsMaxPending, now.jobs);
    return now;
  };
  const loop = (async () => {
    while (running) {
      await take();
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return {
    async stop(): Promise<Lag> {
      running = false;
      await loop;
      const ended = performance.now();
      const deadline = ended + 300_000;
      for (;;) {
        const now = await take();
        if (now.outbox === 0 && now.jobs === 0) break;
        if (performance.now() > deadline) throw new Error("the outbox or the consumers did not drain within 5 min");
        await new Promise((r) => setTimeout(r, 100));
      }
      lag.drainSeconds = (performance.now() - ended) / 1000;
      return lag;
    },
  };
}

const createTask = client(owner.cookie);
const bareOwner = bare(owner.id);
/** CPU seconds used so far by the web (next start and its children) or the workers process. */
function cpuOf(name: "web" | "workers"): number {
  const pid = productPid(product.dataDir, name);
  return pid ? cpuSeconds(processTree(pid)) : Number.NaN;
}

await sequential(20, createTask); // warm-up: JIT, connection pools, route compilation
await sampleLag().stop(); // the warm-up's deliveries done before the CPU window opens
const cpuBefore = { web: cpuOf("web"), workers: cpuOf("workers") };
const apiOne = await sequential(REQUESTS, createTask);
// Until every consumer has handled every create: the workers' share of a create comes after its answer.
await sampleLag().stop();
const cpuPerCreateMs = (name: "web" | "workers") => ((cpuOf(name) - cpuBefore[name]) * 1000) / REQUESTS;
const cpuPerCreate = { web: cpuPerCreateMs("web"), workers: cpuPerCreateMs("workers") };
const bareOne = await sequential(REQUESTS, bareOwner);
// One user, 50 concurrent clients (tabs or devices of one account): the same session, own cookie jars.
const apiOneUser = await concurrent(Array.from({ length: CLIENTS }, () => client(owner.cookie)), SECONDS);
const bareOneUser = await concurrent(Array.from({ length: CLIENTS }, () => bareOwner), SECONDS);
// 50 users, one client each.
const apiUsers = await concurrent(users.map((u) => client(u.cookie)), SECONDS);
const bareUsers = await concurrent(users.map((u) => bare(u.id)), SECONDS);
await pool.end();

const failed = (run: { failures: Map<string, number> }) => {
  const n = [...run.failures.values()].reduce((a, b) => a + b, 0);
  return n > 0 ? ` (${n} failed)` : "";
};
const latency = (s: { p50: number; p95: number; p99: number }) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`;
const lagCell = (lag: Lag) =>
  `outbox ${lag.outboxMaxSeconds.toFixed(2)} s (${lag.outboxMaxPending} rows); consumers ${lag.jobsMaxSeconds.toFixed(2)} s (${lag.jobsMaxPending} jobs); drained ${lag.drainSeconds.toFixed(1)} s after`;
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)}%`;
console.log(`\ntask.create over HTTP (signed in), ${REQUESTS} sequential requests, then ${CLIENTS} clients for ${SECONDS} s twice`);
console.log(
  printTable([
    ["measure", "tRPC task.create", "plain INSERT+COMMIT", "ratio"],
    ["1 client, sequential, p50 / p95 / p99", latency(apiOne), latency(bareOne), `${(apiOne.p50 / bareOne.p50).toFixed(1)}x p50`],
    [
      `${CLIENTS} users, one client each, creates/s`,
      `${apiUsers.perSecond.toFixed(0)}/s${failed(apiUsers)}`,
      `${bareUsers.perSecond.toFixed(0)}/s`,
      `${pct(apiUsers.perSecond, bareUsers.perSecond)} of bare`,
    ],
    [`${CLIENTS} users: p50 / p95 / p99`, latency(apiUsers.latency), latency(bareUsers.latency), ""],
    [
      `one user, ${CLIENTS} concurrent clients, creates/s`,
      `${apiOneUser.perSecond.toFixed(0)}/s${failed(apiOneUser)}`,
      `${bareOneUser.perSecond.toFixed(0)}/s`,
      `${pct(apiOneUser.perSecond, bareOneUser.perSecond)} of bare, ${pct(apiOneUser.perSecond, apiUsers.perSecond)} of ${CLIENTS} users`,
    ],
    [`one user, ${CLIENTS} clients: p50 / p95 / p99`, latency(apiOneUser.latency), latency(bareOneUser.latency), ""],
    [
      "CPU per create (the sequential run, until every consumer is done)",
      `web ${cpuPerCreate.web.toFixed(1)} ms, workers ${cpuPerCreate.workers.toFixed(1)} ms`,
      "",
      "",
    ],
  ]),
);
console.log("\noutbox lag and consumers' backlog during each tRPC run, at their worst (the bare rows are written published):");
console.log(
  printTable([
    ["run", "oldest unpublished outbox row (rows waiting); oldest due consumer delivery (jobs); drained after the run"],
    [`${CLIENTS} users, one client each`, lagCell(apiUsers.lag)],
    [`one user, ${CLIENTS} concurrent clients`, lagCell(apiOneUser.lag)],
  ]),
);
for (const [label, run] of [[`${CLIENTS} users`, apiUsers], [`one user, ${CLIENTS} clients`, apiOneUser]] as const) {
  for (const [reason, count] of run.failures) console.log(`${label}: ${count} create(s) failed: ${reason}`);
}
console.error(`product log: ${productLog}`);
console.error(`load average after: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
product.stop();
process.exit(0);
