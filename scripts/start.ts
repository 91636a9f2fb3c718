// `npm start`: the whole product on one machine. Starts an embedded PostgreSQL under .data/
// (unless DATABASE_URL points elsewhere), applies migrations, builds what changed, then runs the
// web app and the workers side by side until Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_EMBEDDED_PG_PORT, startEmbeddedPostgres, type RunningPostgres } from "@taskboard/db/embedded";
import { migrate } from "@taskboard/db/migrate";
import { parsePubsubKind, startLocalDapr, type LocalDapr } from "./start/local-dapr.ts";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, ".data"));
const webPort = Number(process.env.PORT ?? 3000);
const workersPort = Number(process.env.WORKERS_PORT ?? 3001);
const socketPort = Number(process.env.SOCKET_PORT ?? 3003);
// The web app's internal /metrics port sits beside its own (3000 → 3002; the workers take +1 and
// +3), so a second product started with other ports (e2e, bench, chaos) never collides on it.
// 0 turns the metrics server off.
const webMetricsPort = Number(process.env.WEB_METRICS_PORT ?? webPort + 2);
const skipBuild = process.env.SKIP_BUILD === "1";

function log(msg: string, extra: Record<string, unknown> = {}) {
  console.log(JSON.stringify({ level: "info", service: "start", msg, ...extra }));
}
function fail(msg: string): never {
  console.error(JSON.stringify({ level: "fatal", service: "start", msg }));
  process.exit(1);
}

for (const [name, port] of [["PORT", webPort], ["WORKERS_PORT", workersPort], ["SOCKET_PORT", socketPort]] as const) {
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`${name} must be a port number, got "${port}"`);
}
if (!Number.isInteger(webMetricsPort) || webMetricsPort < 0 || webMetricsPort > 65535) {
  fail(`WEB_METRICS_PORT must be a port number (0 = off), got "${process.env.WEB_METRICS_PORT}"`);
}
if (webMetricsPort !== 0 && [webPort, workersPort, socketPort].includes(webMetricsPort)) {
  fail(`WEB_METRICS_PORT (${webMetricsPort}) must differ from PORT, WORKERS_PORT and SOCKET_PORT`);
}

/** A secret that survives restarts, so sessions do too; generated on first start. */
function persistentSecret(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

/** The live process of each service; a restarted service replaces its entry. */
const children = new Map<string, ChildProcess>();
let postgres: RunningPostgres | undefined;
let dapr: LocalDapr | undefined;
let stopping = false;

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping");
  await Promise.all(
    [...children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
  if (dapr) await dapr.stop().catch(() => undefined);
  if (postgres) await postgres.stop().catch(() => undefined);
  log("stopped");
  process.exit(code);
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

interface Service {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  /** Restart after a crash (with backoff) instead of stopping everything. */
  restart: boolean;
}

const RESTART_WINDOW_MS = 60_000;
const MAX_RESTARTS_PER_WINDOW = 5;

function run(service: Service, env: NodeJS.ProcessEnv, restarts: number[] = []) {
  const child = spawn(service.command, service.args, { cwd: service.cwd, env, stdio: "inherit" });
  children.set(service.name, child);
  // Tests and operators find the process here (e.g. to kill the workers and watch them recover).
  if (child.pid) fs.writeFileSync(path.join(dataDir, `${service.name}.pid`), String(child.pid));
  child.on("exit", (code, signal) => {
    if (stopping) return;
    log(`${service.name} exited unexpectedly`, { code, signal });
    const now = Date.now();
    const recent = restarts.filter((at) => now - at < RESTART_WINDOW_MS);
    if (!service.restart || recent.length >= MAX_RESTARTS_PER_WINDOW) {
      if (service.restart) log(`${service.name} keeps crashing: giving up`, { restarts: recent.length });
      void stopAll(1);
      return;
    }
    // The workers own no state outside PostgreSQL: a new process resumes where the old one stopped.
    const delayMs = 500 * 2 ** recent.length;
    log(`restarting ${service.name}`, { inMs: delayMs });
    setTimeout(() => {
      if (!stopping) run(service, env, [...recent, now]);
    }, delayMs);
  });
}

async function waitForHttp(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs / 1000}s`);
}

const startedAt = Date.now();
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  // 0 lets the server pick a free port below the ephemeral range (the end-to-end suite does).
  const pgPort = Number(process.env.EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PG_PORT);
  log("starting embedded PostgreSQL", { dataDir: path.join(dataDir, "postgres"), port: pgPort });
  postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: pgPort }).catch(
    (error: unknown) => fail(`embedded PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)}`),
  );
  log("embedded PostgreSQL started", { port: postgres.port });
  databaseUrl = postgres.url;
}
const migrated = await migrate(databaseUrl).catch((error: unknown) => fail(`migrations failed: ${String(error)}`));
log("database ready", { schemaVersion: migrated.to, applied: migrated.applied.length });

const appUrl = process.env.APP_URL ?? `http://localhost:${webPort}`;
/** The same host as the app, on another port. */
function beside(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.port = String(port);
  return parsed.origin;
}
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: databaseUrl,
  APP_URL: appUrl,
  BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? persistentSecret(path.join(dataDir, "auth-secret")),
  PORT: String(webPort),
  WEB_METRICS_PORT: String(webMetricsPort),
  WORKERS_PORT: String(workersPort),
  // Live updates: the workers' Socket.IO port, reached by browsers directly (websocket upgrades do
  // not pass through `next start` rewrites), and the secret web and workers share for its tokens.
  SOCKET_PORT: String(socketPort),
  REALTIME_TOKEN_SECRET: process.env.REALTIME_TOKEN_SECRET ?? persistentSecret(path.join(dataDir, "realtime-secret")),
  REALTIME_SOCKET_URL: process.env.REALTIME_SOCKET_URL ?? beside(appUrl, socketPort),
  EVENT_BUS: process.env.EVENT_BUS ?? "embedded",
};

if (!skipBuild) {
  log("building (cached when nothing changed)");
  const build = spawn("npx", ["turbo", "run", "build", "--filter=@taskboard/web", "--output-logs=errors-only"], {
    cwd: root,
    env: { ...env, NODE_ENV: "production" },
    stdio: "inherit",
  });
  const code = await new Promise<number>((resolve) => build.on("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) await stopAll(code);
}

// `npm run start:dapr`: the workers talk to a real daprd (Kafka or Redis Streams, the scheduler).
// With DAPR_HTTP_PORT already set a sidecar runs beside us (as Dapr's injector sets it in a pod;
// the fault scenarios run their own daprd to kill it): use that one, start none.
if (env.EVENT_BUS === "dapr" && process.env.DAPR_HTTP_PORT) {
  log("using the Dapr sidecar given by DAPR_HTTP_PORT", { httpPort: process.env.DAPR_HTTP_PORT, appPort: process.env.DAPR_APP_PORT });
} else if (env.EVENT_BUS === "dapr") {
  const appPort = Number(process.env.DAPR_APP_PORT ?? webPort + 4);
  try {
    dapr = await startLocalDapr({ dataDir, pubsub: parsePubsubKind(process.env.DAPR_PUBSUB), appPort, log });
    Object.assign(env, dapr.env);
  } catch (error) {
    console.error(JSON.stringify({ level: "fatal", service: "start", msg: `the Dapr runtime did not start: ${error instanceof Error ? error.message : String(error)}` }));
    await stopAll(1);
  }
}

// Spawn the real Node processes (not npx wrappers) so that SIGTERM reaches them.
fs.mkdirSync(dataDir, { recursive: true });
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
run({ name: "workers", command: process.execPath, args: ["--import", "tsx", "src/main.ts"], cwd: path.join(root, "apps/workers"), restart: true }, env);
run({ name: "web", command: process.execPath, args: [nextBin, "start", "-p", String(webPort)], cwd: path.join(root, "apps/web"), restart: false }, env);

try {
  await Promise.all([
    waitForHttp(`http://127.0.0.1:${webPort}/api/health`, 120_000),
    waitForHttp(`http://127.0.0.1:${workersPort}/readyz`, 120_000),
  ]);
  log(`ready at ${appUrl}`, {
    seconds: (Date.now() - startedAt) / 1000,
    metrics: [`http://127.0.0.1:${workersPort}/metrics`, ...(webMetricsPort ? [`http://127.0.0.1:${webMetricsPort}/metrics`] : [])],
  });
} catch (error) {
  log(String(error));
  await stopAll(1);
}
