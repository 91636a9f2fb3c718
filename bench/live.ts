// `npm run bench:live`: the live paths of the product as `npm start` runs it (production build,
// embedded PostgreSQL, web + workers, Socket.IO), driven over real HTTP and websockets on
// 127.0.0.1 by one signed-up user. Prints Markdown tables:
//   1. mutation (tRPC task.create) → the "change" push received by a connected socket of the
//      same user, with 1, 100 and 1,000 sockets open (one designated socket, and all of them);
//   2. reminder firing lateness: 1,000 reminders due at the same instant, notification
//      created_at − remindAt (read from the database), and when the designated socket heard it;
//   3. task.complete of a daily recurring task → its next occurrence exists in the database,
//      and → the socket push announcing it;
//   4. two people: a change by one member of a shared project → the other member's socket,
//      beside the same change → the author's own other tab, measured on the same mutations;
//   5. first paint: in Chromium, navigation → a 30-task Inbox's titles visible, beside the HTML's
//      first byte (bench/first-paint.ts).
// Bounded: hard caps on counts, per-step timeouts and a global deadline; it stops by itself and
// kills its own `npm start` process group on every exit path.
// Knobs: BENCH_LIVE_MUTATIONS (200), BENCH_LIVE_MUTATIONS_1000 (50), BENCH_LIVE_REMINDERS (1000),
// BENCH_LIVE_REMIND_LEAD_S (90), BENCH_LIVE_RECURRING (50), BENCH_LIVE_PAINT_LOADS (20),
// BENCH_LIVE_MAX_MINUTES (25), BENCH_LIVE_ONLY (comma list of sockets,people,recurrence,reminders,first-paint).
import os from "node:os";
import pg from "pg";
import { io, type Socket } from "socket.io-client";
import { freePort } from "@taskboard/db/ports";
import { measureFirstPaint } from "./first-paint.ts";
import { startProduct } from "./product.ts";
import { ms, printTable, summarise, type LatencySummary } from "./stats.ts";
import { signUpOverHttp, trpcData, trpcFetch } from "@taskboard/devtools";

const MUTATIONS = Math.min(1_000, Number(process.env.BENCH_LIVE_MUTATIONS ?? 200));
const MUTATIONS_1000 = Math.min(500, Number(process.env.BENCH_LIVE_MUTATIONS_1000 ?? 50));
const REMINDERS = Math.min(5_000, Number(process.env.BENCH_LIVE_REMINDERS ?? 1_000));
const REMIND_LEAD_MS = Math.min(600, Number(process.env.BENCH_LIVE_REMIND_LEAD_S ?? 90)) * 1000;
const RECURRING = Math.min(500, Number(process.env.BENCH_LIVE_RECURRING ?? 50));
const PAINT_LOADS = Math.min(200, Number(process.env.BENCH_LIVE_PAINT_LOADS ?? 20));
const MAX_MINUTES = Math.min(60, Number(process.env.BENCH_LIVE_MAX_MINUTES ?? 25));
const ONLY = new Set((process.env.BENCH_LIVE_ONLY ?? "sockets,people,recurrence,reminders,first-paint").split(",").map((s) => s.trim()));
const SOCKET_COUNTS = [1, 100, 1_000];
const SOCKET_BATCH = 50;
const STEP_TIMEOUT_MS = 20_000;
const REMINDER_WAIT_AFTER_DUE_MS = 180_000;
const CREATE_CONCURRENCY = 20;
const PUSH_WAIT_MS = 120_000;

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" ");
const sleep = (millis: number) => new Promise((r) => setTimeout(r, millis));
const note = (message: string) => console.error(`[bench:live ${new Date().toISOString().slice(11, 19)}] ${message}`);

const product = startProduct({
  dataDirPrefix: "taskboard-bench-live-",
  webPort: 3890,
  workersPort: 3891,
  socketPort: 3893,
  pgPort: await freePort(),
});
const { base, origin, socketUrl, databaseUrl } = product;
const stopProduct = product.stop;
const hardStop = setTimeout(() => {
  note(`global cap of ${MAX_MINUTES} min reached: stopping`);
  process.exit(2);
}, MAX_MINUTES * 60_000);
hardStop.unref();

const loadAtStart = load();
console.error(`bench:live on ${os.cpus().length} cores, load average at start ${loadAtStart}`);
const startupBegan = performance.now();
await product.ready;
note(`product ready in ${((performance.now() - startupBegan) / 1000).toFixed(0)} s, load ${load()}`);

// ---------------------------------------------------------------------------------------------
// One user, signed in over HTTP; tRPC calls with its session cookie.
const { cookie } = await signUpOverHttp({ base, origin, name: "Live bench", emailPrefix: "bench-live" });

async function trpcAs<T>(session: string, procedure: string, input?: unknown): Promise<T> {
  const res = await trpcFetch({ base, origin, cookie: session }, procedure, input);
  const text = await res.text();
  if (!res.ok) throw new Error(`${procedure} answered ${res.status}: ${text.slice(0, 500)}`);
  return trpcData<T>(text);
}
const trpc = <T>(procedure: string, input?: unknown) => trpcAs<T>(cookie, procedure, input);

interface TaskSnapshot {
  id: string;
  seriesId: string | null;
  version: number;
}
interface Change {
  seq: number;
  kind: string;
  entityId: string;
  version: number;
  payload: unknown;
}

async function token(session = cookie): Promise<string> {
  const t = await trpcAs<{ enabled: boolean; token?: string }>(session, "realtime.token");
  if (!t.enabled || !t.token) throw new Error("live updates are off (realtime.token answered enabled: false)");
  return t.token;
}

// ---------------------------------------------------------------------------------------------
// Sockets. Socket 0 is the designated watcher; every socket counts what it receives.
const sockets: Socket[] = [];
let disconnects = 0;
/** performance.now() when the designated socket received a task change, by task id. */
const designatedAt = new Map<string, number>();
/** How many sockets received the change and when the last one did, by task id. */
const allAt = new Map<string, { count: number; last: number }>();
/** Every change the designated socket received, with wall-clock time (reminders, recurrence). */
const designatedLog: { at: number; wall: number; change: Change }[] = [];
const waiters = new Set<() => void>();

function onChange(index: number, change: Change) {
  const now = performance.now();
  if (index === 0) {
    designatedLog.push({ at: now, wall: Date.now(), change });
    if (change.kind === "task.upserted" && !designatedAt.has(change.entityId)) designatedAt.set(change.entityId, now);
  }
  if (change.kind === "task.upserted") {
    const entry = allAt.get(change.entityId) ?? { count: 0, last: 0 };
    entry.count++;
    entry.last = now;
    allAt.set(change.entityId, entry);
  }
  for (const wake of waiters) wake();
}

function openSocket(authToken: string): Promise<Socket> {
  const index = sockets.length;
  const socket = io(socketUrl, {
    transports: ["websocket"],
    auth: { token: authToken },
    forceNew: true, // one connection per socket, as separate tabs would have
    reconnection: false,
    timeout: 15_000,
  });
  sockets.push(socket);
  socket.on("change", (change: Change) => onChange(index, change));
  socket.on("disconnect", () => disconnects++);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => reject(new Error(`socket ${index} refused: ${error.message}`)));
  });
}

async function openSocketsUpTo(target: number) {
  if (sockets.length >= target) return;
  const started = performance.now();
  const authToken = await token();
  while (sockets.length < target) {
    const batch = Math.min(SOCKET_BATCH, target - sockets.length);
    await Promise.all(Array.from({ length: batch }, () => openSocket(authToken)));
    await sleep(20);
  }
  note(`${target} sockets open (${((performance.now() - started) / 1000).toFixed(1)} s), load ${load()}`);
}

// Tokens live 2 minutes and the server drops a socket at expiry: refresh them all every 50 s,
// as the browser does every 60 s.
const refresher = setInterval(() => {
  if (sockets.length === 0) return;
  token().then(
    (t) => {
      for (const s of sockets) if (s.connected) s.emit("auth:refresh", { token: t });
    },
    (error: unknown) => note(`token refresh failed: ${String(error)}`),
  );
}, 50_000);
refresher.unref();

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  if (check()) return true;
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      waiters.delete(wake);
      clearTimeout(timer);
      resolve(ok);
    };
    const wake = () => check() && done(true);
    const timer = setTimeout(() => done(check()), timeoutMs);
    waiters.add(wake);
  });
}

interface SocketRun {
  sockets: number;
  mutations: number;
  designated: LatencySummary;
  all: LatencySummary | null;
  missed: number;
  createHttp: LatencySummary;
}

async function socketRun(count: number, mutations: number): Promise<SocketRun> {
  await openSocketsUpTo(count);
  const connected = () => sockets.filter((s) => s.connected).length;
  const designated: number[] = [];
  const all: number[] = [];
  const http: number[] = [];
  let missed = 0;
  for (let i = 0; i < mutations; i++) {
    const expected = connected();
    const started = performance.now();
    const task = await trpc<TaskSnapshot>("task.create", { title: `Live ${count} #${i}`, priority: "MEDIUM" });
    http.push(performance.now() - started);
    const ok = await waitFor(() => (allAt.get(task.id)?.count ?? 0) >= expected && designatedAt.has(task.id), STEP_TIMEOUT_MS);
    if (designatedAt.has(task.id)) designated.push((designatedAt.get(task.id) ?? 0) - started);
    if (ok) all.push((allAt.get(task.id)?.last ?? 0) - started);
    else missed++;
  }
  note(`${count} sockets: ${mutations} mutations done, ${missed} not seen by every socket, load ${load()}`);
  return {
    sockets: count,
    mutations,
    designated: summarise(designated),
    all: count > 1 ? summarise(all) : null,
    missed,
    createHttp: summarise(http),
  };
}

const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
const latency = (s: LatencySummary) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`;
const output: string[] = [];

// Warm-up: route compilation, pools, JIT. Not measured.
await openSocketsUpTo(1);
for (let i = 0; i < 30; i++) {
  const task = await trpc<TaskSnapshot>("task.create", { title: `Warm-up ${i}` });
  await waitFor(() => designatedAt.has(task.id), STEP_TIMEOUT_MS);
}

// 1. Mutation → change on another connected client.
if (ONLY.has("sockets")) {
  const runs: SocketRun[] = [];
  for (const count of SOCKET_COUNTS) runs.push(await socketRun(count, count >= 1_000 ? MUTATIONS_1000 : MUTATIONS));
  output.push(
    `### Mutation → change received by a connected socket (sequential tRPC task.create; load ${loadAtStart} at start)`,
    "",
    printTable([
      ["sockets of the user", "mutations", "task.create HTTP p50 / p95 / p99", "→ designated socket p50 / p95 / p99", "→ all sockets p50 / p95 / p99", "not seen by all in 20 s"],
      ...runs.map((r) => [
        r.sockets.toLocaleString("en-US"),
        String(r.mutations),
        latency(r.createHttp),
        latency(r.designated),
        r.all ? latency(r.all) : "–",
        String(r.missed),
      ]),
    ]),
    `Sockets dropped during the run: ${disconnects}.`,
    "",
  );
  // Keep only the designated socket for the next phases.
  for (const s of sockets.splice(1)) s.disconnect();
  await sleep(1_000);
}

// 4. Two people: the author's change in a shared project → the other member's socket, beside the
// same change → the author's designated socket (another tab of the same person).
if (ONLY.has("people")) {
  const member = await signUpOverHttp({ base, origin, name: "Live bench member", emailPrefix: "bench-live-member" });
  const project = await trpc<{ id: string }>("project.create", { name: "Shared bench" });
  const invitation = await trpc<{ id: string }>("member.invite", { projectId: project.id, email: member.email, role: "EDITOR" });
  await trpcAs(member.cookie, "member.acceptInvitation", { invitationId: invitation.id });
  const memberSocket = io(socketUrl, { transports: ["websocket"], auth: { token: await token(member.cookie) }, forceNew: true, reconnection: false });
  const memberAt = new Map<string, number>();
  memberSocket.on("change", (change: Change) => {
    if (change.kind === "task.upserted" && !memberAt.has(change.entityId)) memberAt.set(change.entityId, performance.now());
    for (const wake of waiters) wake();
  });
  await new Promise<void>((resolve, reject) => {
    memberSocket.once("connect", resolve);
    memberSocket.once("connect_error", reject);
  });
  const ownTab: number[] = [];
  const otherPerson: number[] = [];
  let missed = 0;
  for (let i = 0; i < MUTATIONS; i++) {
    const started = performance.now();
    const task = await trpc<TaskSnapshot>("task.create", { title: `Shared ${i}`, projectId: project.id });
    const ok = await waitFor(() => designatedAt.has(task.id) && memberAt.has(task.id), STEP_TIMEOUT_MS);
    if (!ok) missed++;
    if (designatedAt.has(task.id)) ownTab.push((designatedAt.get(task.id) ?? 0) - started);
    if (memberAt.has(task.id)) otherPerson.push((memberAt.get(task.id) ?? 0) - started);
  }
  memberSocket.disconnect();
  note(`two people: ${MUTATIONS} mutations, ${missed} not seen by both, load ${load()}`);
  output.push(
    `### Two people: task.create in a shared project → the change on a socket (sequential; load ${load()} after)`,
    "",
    printTable([
      ["received by", "mutations", "p50 / p95 / p99"],
      ["the author's other tab (same person)", String(ownTab.length), latency(summarise(ownTab))],
      ["another member of the project", String(otherPerson.length), latency(summarise(otherPerson))],
    ]),
    `Not seen by both within 20 s: ${missed}.`,
    "",
  );
}

// 5. First paint of a board (before the reminder burst, whose backlog would weigh on the server).
if (ONLY.has("first-paint")) {
  output.push(await measureFirstPaint({ base, origin, tasks: 30, loads: PAINT_LOADS, warmLoads: 3, note }));
}

// 3. Completion → next occurrence (before the reminder burst, so its backlog does not weigh here).
if (ONLY.has("recurrence")) {
  const due = new Date(Date.now() + 86_400_000);
  due.setUTCHours(9, 0, 0, 0);
  const tasks: TaskSnapshot[] = [];
  for (let i = 0; i < RECURRING; i++) {
    tasks.push(
      await trpc<TaskSnapshot>("task.create", { title: `Daily ${i}`, dueAt: due.toISOString(), rrule: "FREQ=DAILY", recurrenceMode: "FIXED" }),
    );
  }
  // Let the creations drain through the consumers first (per-user order would queue us behind them).
  await waitFor(() => tasks.every((t) => designatedAt.has(t.id)), 60_000);
  await sleep(2_000);
  const toRow: number[] = [];
  const toPush: number[] = [];
  const http: number[] = [];
  let missed = 0;
  for (const task of tasks) {
    if (!task.seriesId) throw new Error("a recurring task came back without a seriesId");
    const logFrom = designatedLog.length;
    const started = performance.now();
    await trpc<TaskSnapshot>("task.complete", { id: task.id });
    http.push(performance.now() - started);
    const deadline = started + STEP_TIMEOUT_MS;
    let found = false;
    while (performance.now() < deadline) {
      const { rows } = await pool.query(
        "SELECT id FROM tasks WHERE series_id = $1 AND status = 'OPEN' AND id <> $2 AND deleted_at IS NULL LIMIT 1",
        [task.seriesId, task.id],
      );
      if (rows.length) {
        toRow.push(performance.now() - started);
        found = true;
        break;
      }
      await sleep(10);
    }
    if (!found) {
      missed++;
      continue;
    }
    const announced = (e: { change: Change }) =>
      e.change.kind === "task.upserted" &&
      e.change.entityId !== task.id &&
      (e.change.payload as { seriesId?: string } | null)?.seriesId === task.seriesId;
    await waitFor(() => designatedLog.slice(logFrom).some(announced), STEP_TIMEOUT_MS);
    const pushed = designatedLog.slice(logFrom).find(announced);
    if (pushed) toPush.push(pushed.at - started);
  }
  note(`recurrence: ${RECURRING} completions, ${missed} without a next occurrence in 20 s, load ${load()}`);
  output.push(
    `### Completion → next occurrence (${RECURRING} daily FIXED tasks, completed one at a time)`,
    "",
    printTable([
      ["measure", "n", "p50 / p95 / p99"],
      ["task.complete HTTP", String(http.length), latency(summarise(http))],
      ["complete request → next occurrence row in the DB (polled every 10 ms)", String(toRow.length), latency(summarise(toRow))],
      ["complete request → socket push of the next occurrence", String(toPush.length), latency(summarise(toPush))],
    ]),
    missed ? `${missed} completions had no next occurrence within 20 s.` : "",
    "",
  );
}

// 2. Reminder firing lateness: REMINDERS reminders due at the same instant.
if (ONLY.has("reminders")) {
  const remindAt = new Date(Math.ceil((Date.now() + REMIND_LEAD_MS) / 1000) * 1000);
  const createStarted = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CREATE_CONCURRENCY }, async () => {
      while (next < REMINDERS) {
        const n = next++;
        await trpc<TaskSnapshot>("task.create", { title: `Reminder ${n}`, remindAt: remindAt.toISOString() });
      }
    }),
  );
  const createSeconds = (performance.now() - createStarted) / 1000;
  const leadLeft = (remindAt.getTime() - Date.now()) / 1000;
  note(`reminders: ${REMINDERS} tasks created in ${createSeconds.toFixed(1)} s; due in ${leadLeft.toFixed(0)} s, load ${load()}`);
  const scheduledCount = async () =>
    Number(
      (
        await pool.query<{ n: string }>("SELECT count(*) AS n FROM reminder_jobs WHERE fire_at = $1 AND status IN ('SCHEDULED', 'FIRED')", [
          remindAt,
        ])
      ).rows[0]?.n ?? 0,
    );
  // How many were scheduled (reminder_jobs) by the due instant.
  while (Date.now() < remindAt.getTime() - 500) await sleep(250);
  const scheduledAtDue = await scheduledCount();
  const fired = async () =>
    Number(
      (
        await pool.query<{ n: string }>(
          "SELECT count(*) AS n FROM notifications n JOIN tasks t ON t.id = n.task_id WHERE n.kind = 'reminder' AND t.remind_at = $1",
          [remindAt],
        )
      ).rows[0]?.n ?? 0,
    );
  const capAt = remindAt.getTime() + REMINDER_WAIT_AFTER_DUE_MS;
  let count = 0;
  while (Date.now() < capAt) {
    count = await fired();
    if (count >= REMINDERS) break;
    await sleep(500);
  }
  // The push follows the commit (and a per-user ordered delivery); give the designated socket up
  // to PUSH_WAIT_MS more to hear them all.
  const notificationPushes = () =>
    designatedLog.filter((e) => e.change.kind === "notification" && e.wall >= remindAt.getTime() - 60_000);
  await waitFor(() => notificationPushes().length >= count, PUSH_WAIT_MS);
  const { rows } = await pool.query<{ late: string }>(
    `SELECT EXTRACT(EPOCH FROM (n.created_at - t.remind_at)) * 1000 AS late
       FROM notifications n JOIN tasks t ON t.id = n.task_id
      WHERE n.kind = 'reminder' AND t.remind_at = $1`,
    [remindAt],
  );
  const late = rows.map((r) => Number(r.late)).sort((a, b) => a - b);
  const lateSummary = summarise(late);
  const pushLate = notificationPushes().map((e) => e.wall - remindAt.getTime());
  const pushSummary = summarise(pushLate);
  const maxOf = (values: number[]) => (values.length ? ms(Math.max(...values)) : "–");
  note(`reminders: ${count}/${REMINDERS} fired, load ${load()}`);
  output.push(
    `### Reminder firing lateness (${REMINDERS} reminders due at the same instant, ${Math.round(REMIND_LEAD_MS / 1000)} s after the first create)`,
    "",
    printTable([
      ["measure", "n", "p50", "p95", "p99", "max"],
      [
        "notification created_at − remindAt (DB)",
        String(late.length),
        ms(lateSummary.p50),
        ms(lateSummary.p95),
        ms(lateSummary.p99),
        maxOf(late),
      ],
      [
        "socket push of the notification − remindAt (wall clock)",
        String(pushLate.length),
        ms(pushSummary.p50),
        ms(pushSummary.p95),
        ms(pushSummary.p99),
        maxOf(pushLate),
      ],
    ]),
    `Created ${REMINDERS} tasks in ${createSeconds.toFixed(1)} s (${CREATE_CONCURRENCY} at a time), ${leadLeft.toFixed(0)} s before the due instant; ` +
      `${scheduledAtDue} reminder jobs were scheduled by then; ${count} of ${REMINDERS} fired within ${REMINDER_WAIT_AFTER_DUE_MS / 1000} s of it; ` +
      `the designated socket heard ${pushLate.length} of them (waited up to ${PUSH_WAIT_MS / 1000} s after the last fired).`,
    "",
  );
}

for (const s of sockets) s.disconnect();
await pool.end();
const loadAtEnd = load();
console.log(output.join("\n"));
console.log(`Load average: ${loadAtStart} at start, ${loadAtEnd} at end (${os.cpus().length} cores).`);
stopProduct();
process.exit(0);
