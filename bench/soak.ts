// `npm run soak`: a bounded soak of the mixed workload against the product as `npm start` runs it
// (production build, embedded PostgreSQL, web + workers), driven over real HTTP on 127.0.0.1 by a
// few signed-up users. Each user issues, at a steady rate, a mix of task.create (some with a
// reminder a minute ahead, some daily-recurring), task.update, task.complete (recurring ones
// too), task.list with filters, audit.list and notification.unreadCount.
// Every minute it prints ops done, errors (non-2xx or thrown) and p95 latency per operation, the
// RSS of the web and workers processes (/proc/<pid>/status VmRSS, with their child processes) and
// the outbox lag (unpublished outbox_events: count and age of the oldest). At the end: a summary
// table and a verdict on memory (RSS growth per minute, first half vs last half of the run).
// Bounded: SOAK_MINUTES is capped, a global deadline stops it, in-flight requests per user are
// capped; it kills its own `npm start` process group on every exit path.
// Knobs: SOAK_MINUTES (10, max 60), SOAK_USERS (4, 1-5), SOAK_RATE (total ops/s, 25, max 100).
import fs from "node:fs";
import os from "node:os";
import pg from "pg";
import { freePort } from "@taskboard/db/ports";
import { allPids, cmdline, processTree, productPid, residentBytes } from "./processes.ts";
import { startProduct } from "./product.ts";
import { ms, printTable, summarise } from "./stats.ts";
import { signUpOverHttp, trpcData, trpcFetch } from "@taskboard/devtools";

const MINUTES = Math.max(1, Math.min(60, Number(process.env.SOAK_MINUTES ?? 10)));
const USERS = Math.max(1, Math.min(5, Number(process.env.SOAK_USERS ?? 4)));
const RATE = Math.max(1, Math.min(100, Number(process.env.SOAK_RATE ?? 25)));
const MAX_IN_FLIGHT_PER_USER = 8;
const REQUEST_TIMEOUT_MS = 15_000;
const RSS_SAMPLE_MS = 10_000;
const POOL_CAP = 300; // open tasks remembered per user (bounded client-side state)

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" ");
const sleep = (millis: number) => new Promise((r) => setTimeout(r, millis));
const note = (message: string) => console.error(`[soak ${new Date().toISOString().slice(11, 19)}] ${message}`);

// ---------------------------------------------------------------------------------------------
// The product, in its own process group, stopped on every way out.
const WEB_PORT = 3950;
const product = startProduct({
  dataDirPrefix: "taskboard-soak-",
  webPort: WEB_PORT,
  workersPort: 3951,
  socketPort: 3953,
  pgPort: await freePort(),
});
const { base, origin, databaseUrl, dataDir } = product;
const stopProduct = product.stop;
process.on("uncaughtException", (error) => {
  note(`fatal: ${error.stack ?? String(error)}`);
  process.exit(1);
});
const hardStop = setTimeout(
  () => {
    note(`global deadline (${MINUTES} + 15 min) reached: stopping`);
    process.exit(2);
  },
  (MINUTES + 15) * 60_000,
);
hardStop.unref();

const loadAtStart = load();
note(`soak: ${MINUTES} min, ${USERS} users, ${RATE} ops/s target, ${os.cpus().length} cores, load ${loadAtStart}, DATA_DIR ${dataDir}`);
const startupBegan = performance.now();
await product.ready;
note(`product ready in ${((performance.now() - startupBegan) / 1000).toFixed(0)} s`);

// ---------------------------------------------------------------------------------------------
// Process discovery and RSS.
/** The web server: web.pid (the `next start` process start.ts spawns), else a /proc scan for it. */
function webPid(): number | null {
  const fromFile = productPid(dataDir, "web");
  if (fromFile && fs.existsSync(`/proc/${fromFile}`)) return fromFile;
  for (const pid of allPids()) {
    const cmd = cmdline(pid);
    if (cmd.includes("next") && cmd.includes("start") && cmd.includes(String(WEB_PORT))) return pid;
  }
  return null;
}
interface RssSample {
  at: number; // minutes since the soak began
  webMb: number;
  workersMb: number;
  webPids: number;
  workersPid: number | null;
}
function sampleRss(at: number): RssSample {
  const web = webPid();
  const workers = productPid(dataDir, "workers");
  const webTree = web ? processTree(web) : [];
  const workersTree = workers ? processTree(workers) : [];
  const mb = (pids: number[]) => pids.reduce((sum, pid) => sum + residentBytes(pid), 0) / 1024 / 1024;
  return { at, webMb: mb(webTree), workersMb: mb(workersTree), webPids: webTree.length, workersPid: workers };
}
{
  const web = webPid();
  const workers = productPid(dataDir, "workers");
  note(`web pid ${web} (${web ? cmdline(web).slice(0, 120) : "?"}; tree ${web ? processTree(web).join(",") : "-"})`);
  note(`workers pid ${workers} (${workers ? cmdline(workers).slice(0, 120) : "?"})`);
}

// ---------------------------------------------------------------------------------------------
// Users: signed up over HTTP, respecting better-auth's ~3 sign-ups per 10 s per IP.
interface TaskRef {
  id: string;
  version: number;
  recurring: boolean;
}
interface User {
  n: number;
  cookie: string;
  open: TaskRef[];
  inFlight: number;
}
async function signUp(n: number): Promise<User> {
  const { cookie } = await signUpOverHttp({
    base,
    origin,
    name: `Soak ${n}`,
    emailPrefix: `soak-${n}`,
    onRateLimited: (waitMs) => note(`sign-up ${n} rate-limited; waiting ${waitMs / 1000} s`),
  });
  return { n, cookie, open: [], inFlight: 0 };
}
const users: User[] = [];
for (let i = 0; i < USERS; i++) {
  if (i > 0 && i % 3 === 0) await sleep(11_000);
  users.push(await signUp(i));
}
note(`${users.length} users signed up`);

// ---------------------------------------------------------------------------------------------
// Operations.
const OPS = ["task.create", "task.update", "task.complete", "task.list", "audit.list", "notification.unreadCount"] as const;
type Op = (typeof OPS)[number];
const WEIGHTS: Record<Op, number> = {
  "task.create": 25,
  "task.update": 20,
  "task.complete": 10,
  "task.list": 20,
  "audit.list": 10,
  "notification.unreadCount": 15,
};
const QUERIES = new Set<Op>(["task.list", "audit.list", "notification.unreadCount"]);

interface Sample {
  op: Op;
  ms: number;
  ok: boolean;
  status: string; // HTTP status, or "timeout"/"error"
}
let minuteSamples: Sample[] = [];
const allSamples = new Map<Op, { ms: number[]; errors: number; statuses: Map<string, number> }>(
  OPS.map((op) => [op, { ms: [], errors: 0, statuses: new Map() }]),
);
let skipped = 0;
let createdWithReminder = 0;
let createdRecurring = 0;
let completedRecurring = 0;

function record(sample: Sample) {
  minuteSamples.push(sample);
  const total = allSamples.get(sample.op);
  if (!total) return;
  total.ms.push(sample.ms);
  if (!sample.ok) total.errors++;
  total.statuses.set(sample.status, (total.statuses.get(sample.status) ?? 0) + 1);
}

async function call<T>(user: User, op: Op, input?: unknown): Promise<T | null> {
  const started = performance.now();
  try {
    const res = await trpcFetch({ base, origin, cookie: user.cookie }, op, input, {
      query: QUERIES.has(op),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    record({ op, ms: performance.now() - started, ok: res.ok, status: String(res.status) });
    if (!res.ok) return null;
    return trpcData<T>(text);
  } catch (error) {
    const timeout = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    record({ op, ms: performance.now() - started, ok: false, status: timeout ? "timeout" : "error" });
    return null;
  }
}

interface Snapshot {
  id: string;
  version: number;
  seriesId?: string | null;
  rrule?: string | null;
}
const remember = (user: User, task: Snapshot) => {
  user.open.push({ id: task.id, version: task.version, recurring: Boolean(task.rrule ?? task.seriesId) });
  if (user.open.length > POOL_CAP) user.open.splice(0, user.open.length - POOL_CAP);
};
const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(Math.random() * items.length)];
const PRIORITIES = ["LOW", "MEDIUM", "HIGH", "URGENT"] as const;
let counter = 0;

async function runOp(user: User, op: Op) {
  const n = counter++;
  switch (op) {
    case "task.create": {
      const roll = Math.random();
      const input: Record<string, unknown> = { title: `Soak ${user.n}-${n}`, priority: pick(PRIORITIES) };
      if (roll < 0.3) {
        input.remindAt = new Date(Date.now() + 60_000).toISOString();
        createdWithReminder++;
      } else if (roll < 0.5) {
        const due = new Date(Date.now() + 86_400_000);
        due.setUTCHours(9, 0, 0, 0);
        input.dueAt = due.toISOString();
        input.rrule = "FREQ=DAILY";
        input.recurrenceMode = "FIXED";
        createdRecurring++;
      } else if (roll < 0.7) {
        input.dueAt = new Date(Date.now() + Math.floor(Math.random() * 7) * 86_400_000).toISOString();
      }
      const task = await call<Snapshot>(user, op, input);
      if (task) remember(user, task);
      return;
    }
    case "task.update": {
      const ref = pick(user.open);
      if (!ref) return runOp(user, "task.create");
      const patch = Math.random() < 0.5 ? { title: `Soak ${user.n}-${n} (edited)` } : { priority: pick(PRIORITIES) };
      const task = await call<Snapshot>(user, op, { id: ref.id, expectedVersion: ref.version, patch });
      if (task) ref.version = task.version;
      return;
    }
    case "task.complete": {
      // Prefer a recurring task half of the time (its next occurrence comes back through task.list).
      const recurring = user.open.filter((t) => t.recurring);
      const ref = Math.random() < 0.5 && recurring.length ? pick(recurring) : pick(user.open);
      if (!ref) return runOp(user, "task.create");
      user.open.splice(user.open.indexOf(ref), 1);
      const task = await call<Snapshot>(user, op, { id: ref.id });
      if (task && ref.recurring) completedRecurring++;
      return;
    }
    case "task.list": {
      const roll = Math.random();
      const input: Record<string, unknown> =
        roll < 0.25
          ? { status: "OPEN", sort: "position", limit: 50 }
          : roll < 0.5
            ? { status: "OPEN", priorities: ["HIGH", "URGENT"], sort: "priority", limit: 50 }
            : roll < 0.75
              ? { status: "ALL", dueFrom: new Date().toISOString(), dueTo: new Date(Date.now() + 7 * 86_400_000).toISOString(), sort: "due" }
              : { status: "OPEN", search: "edited", sort: "created", limit: 20 };
      const page = await call<{ items: Snapshot[] }>(user, op, input);
      // Refresh what the user knows from the default view (versions, next occurrences).
      if (page && roll < 0.25) {
        const known = new Set(user.open.map((t) => t.id));
        for (const item of page.items) {
          const ref = user.open.find((t) => t.id === item.id);
          if (ref) ref.version = item.version;
          else if (!known.has(item.id)) remember(user, item);
        }
      }
      return;
    }
    case "audit.list": {
      const input = Math.random() < 0.5 ? { limit: 30 } : { types: ["task.completed", "reminder.fired"], limit: 30 };
      await call(user, op, input);
      return;
    }
    case "notification.unreadCount":
      await call(user, op);
      return;
  }
}
function chooseOp(): Op {
  const total = OPS.reduce((sum, op) => sum + WEIGHTS[op], 0);
  let roll = Math.random() * total;
  for (const op of OPS) {
    roll -= WEIGHTS[op];
    if (roll < 0) return op;
  }
  return "notification.unreadCount";
}

// ---------------------------------------------------------------------------------------------
// Outbox lag.
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
async function outboxLag(): Promise<{ count: number; ageS: number }> {
  try {
    const { rows } = await pool.query<{ n: string; age: string | null }>(
      "SELECT count(*) AS n, EXTRACT(EPOCH FROM (now() - min(created_at))) AS age FROM outbox_events WHERE published_at IS NULL",
    );
    return { count: Number(rows[0]?.n ?? 0), ageS: Number(rows[0]?.age ?? 0) };
  } catch (error) {
    note(`outbox lag query failed: ${String(error)}`);
    return { count: Number.NaN, ageS: Number.NaN };
  }
}

// ---------------------------------------------------------------------------------------------
// The loop: one open-loop ticker at RATE ops/s, round-robin over the users, in-flight capped.
const began = performance.now();
const endAt = began + MINUTES * 60_000;
const minutesSince = () => (performance.now() - began) / 60_000;
const rss: RssSample[] = [sampleRss(0)];
const rows: string[][] = [];
const inFlight = new Set<Promise<void>>();
let tick = 0;
const ticker = setInterval(() => {
  if (performance.now() >= endAt || product.exited()) return;
  const user = users[tick++ % users.length];
  if (!user) return;
  if (user.inFlight >= MAX_IN_FLIGHT_PER_USER) {
    skipped++;
    return;
  }
  user.inFlight++;
  const p = runOp(user, chooseOp())
    .catch((error: unknown) => note(`op failed in the driver: ${String(error)}`))
    .finally(() => {
      user.inFlight--;
      inFlight.delete(p);
    });
  inFlight.add(p);
}, 1000 / RATE);
const rssTimer = setInterval(() => rss.push(sampleRss(minutesSince())), RSS_SAMPLE_MS);

const pct = (errors: number, n: number) => (n ? `${((100 * errors) / n).toFixed(1)}%` : "–");
async function minuteRow(minute: number) {
  const samples = minuteSamples;
  minuteSamples = [];
  const lag = await outboxLag();
  const r = sampleRss(minutesSince());
  rss.push(r);
  const cells = OPS.map((op) => {
    const mine = samples.filter((s) => s.op === op);
    const errors = mine.filter((s) => !s.ok).length;
    return `${mine.length ? ms(summarise(mine.map((s) => s.ms)).p95) : "–"} (${errors}/${mine.length})`;
  });
  const errors = samples.filter((s) => !s.ok).length;
  const row = [
    String(minute),
    String(samples.length),
    pct(errors, samples.length),
    ...cells,
    r.webMb.toFixed(0),
    r.workersMb.toFixed(0),
    `${lag.count} / ${lag.ageS.toFixed(1)} s`,
    load().split(" ")[0] ?? "",
  ];
  rows.push(row);
  note(`minute ${minute}: ${row.join(" | ")}`);
}
const header = [
  "min",
  "ops",
  "err %",
  ...OPS.map((op) => `${op} p95 (err/n)`),
  "web RSS MB",
  "workers RSS MB",
  "outbox unpublished / oldest",
  "load 1m",
];

for (let minute = 1; minute <= MINUTES; minute++) {
  const at = began + minute * 60_000;
  while (performance.now() < at && !product.exited()) await sleep(Math.min(1_000, at - performance.now()));
  if (product.exited()) {
    note("the product exited during the soak");
    break;
  }
  await minuteRow(minute);
}
clearInterval(ticker);
clearInterval(rssTimer);
// Let the last requests finish (bounded by their own timeout).
await Promise.race([Promise.all([...inFlight]), sleep(REQUEST_TIMEOUT_MS + 1_000)]);
const finalLag = await outboxLag();
await pool.end().catch(() => undefined);

// ---------------------------------------------------------------------------------------------
// Summary and memory verdict.
function slope(points: { x: number; y: number }[]): number {
  if (points.length < 2) return Number.NaN;
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den ? num / den : Number.NaN;
}
const elapsed = minutesSince();
const half = elapsed / 2;
function verdict(name: string, pick: (s: RssSample) => number): string[] {
  const pts = rss.map((s) => ({ x: s.at, y: pick(s) })).filter((p) => p.y > 0);
  const first = pts.filter((p) => p.x <= half);
  const last = pts.filter((p) => p.x >= half);
  const mean = (ps: { y: number }[]) => (ps.length ? ps.reduce((s, p) => s + p.y, 0) / ps.length : Number.NaN);
  const s1 = slope(first);
  const s2 = slope(last);
  const lastMean = mean(last);
  // Bounded: the last half grows by less than 1 MB/min and less than 0.5 %/min of its size,
  // or grows clearly slower than the first half (warm-up) did.
  const bounded = Number.isFinite(s2) && (s2 <= Math.max(1, 0.005 * lastMean) || (s1 > 0 && s2 < s1 / 4 && s2 < 3));
  return [
    name,
    `${(pts[0]?.y ?? Number.NaN).toFixed(0)} → ${(pts.at(-1)?.y ?? Number.NaN).toFixed(0)}`,
    `${Math.min(...pts.map((p) => p.y)).toFixed(0)} / ${Math.max(...pts.map((p) => p.y)).toFixed(0)}`,
    `${mean(first).toFixed(0)} / ${lastMean.toFixed(0)}`,
    `${s1 >= 0 ? "+" : ""}${s1.toFixed(2)}`,
    `${s2 >= 0 ? "+" : ""}${s2.toFixed(2)}`,
    bounded ? "looks bounded" : "still growing",
  ];
}
const totalOps = OPS.reduce((sum, op) => sum + (allSamples.get(op)?.ms.length ?? 0), 0);
const summaryRows = OPS.map((op) => {
  const t = allSamples.get(op) ?? { ms: [], errors: 0, statuses: new Map<string, number>() };
  const s = summarise(t.ms);
  const statuses = [...t.statuses.entries()].sort().map(([k, v]) => `${k}×${v}`).join(" ");
  return [op, String(t.ms.length), String(t.errors), pct(t.errors, t.ms.length), ms(s.p50), ms(s.p95), ms(s.p99), statuses];
});
const totalErrors = OPS.reduce((sum, op) => sum + (allSamples.get(op)?.errors ?? 0), 0);
const memoryRows = [verdict("web (next start, with children)", (s) => s.webMb), verdict("workers", (s) => s.workersMb)];
const workersPids = new Set(rss.map((s) => s.workersPid).filter((p) => p !== null));

const output = [
  `### Per minute (${users.length} users, ${RATE} ops/s target; p95 latency, errors/ops per operation)`,
  "",
  printTable([header, ...rows]),
  "",
  `### Summary (${elapsed.toFixed(1)} min, ${totalOps} ops = ${(totalOps / (elapsed * 60)).toFixed(1)} ops/s, ${totalErrors} errors = ${pct(totalErrors, totalOps)})`,
  "",
  printTable([["operation", "n", "errors", "error rate", "p50", "p95", "p99", "statuses"], ...summaryRows]),
  "",
  `Created with a reminder a minute ahead: ${createdWithReminder}; daily-recurring: ${createdRecurring}; recurring completions answered 200: ${completedRecurring}. ` +
    `Ticks skipped because a user had ${MAX_IN_FLIGHT_PER_USER} requests in flight: ${skipped}. ` +
    `Outbox after the load stopped: ${finalLag.count} unpublished, oldest ${finalLag.ageS.toFixed(1)} s. ` +
    `Workers pids seen: ${[...workersPids].join(", ")} (more than one means a restart).`,
  "",
  `### Memory (RSS sampled every ${RSS_SAMPLE_MS / 1000} s and at each minute; growth = least-squares slope)`,
  "",
  printTable([
    ["process", "RSS first → last MB", "min / max MB", "mean first half / last half MB", "growth first half MB/min", "growth last half MB/min", "verdict"],
    ...memoryRows,
  ]),
  "",
  `Load average: ${loadAtStart} at start, ${load()} at end (${os.cpus().length} cores).`,
];
console.log(output.join("\n"));
stopProduct();
process.exit(product.exited() ? 1 : 0);
