// The product as `npm start` runs it, for benchmarks and the soak: its own data folder and ports,
// its own process group (so stopping it stops web, workers and PostgreSQL), stopped on every way
// out of the calling script.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { tempDataDir } from "@taskboard/db/embedded";

export interface ProductOptions {
  /** Prefix of the temporary data folder, e.g. "taskboard-soak-". */
  dataDirPrefix: string;
  webPort: number;
  workersPort: number;
  socketPort: number;
  pgPort: number;
  /** Extra environment for `npm start`. */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
  /** Append the product's output (stdout and stderr) to this file instead of the terminal. */
  logFile?: string;
}

export interface RunningProduct {
  /** Where requests go (127.0.0.1) and the origin the app trusts (localhost): both on webPort. */
  base: string;
  origin: string;
  socketUrl: string;
  databaseUrl: string;
  dataDir: string;
  /** The `npm start` process, leader of the product's process group. */
  pid: number;
  /** Resolves once `npm start` printed "ready at"; rejects if it exits or times out first. */
  ready: Promise<void>;
  exited(): boolean;
  /** Resolves when `npm start` has exited (it stops web, workers and PostgreSQL first). */
  whenExited: Promise<void>;
  stop(): void;
}

const root = path.resolve(import.meta.dirname, "..");

export function startProduct(options: ProductOptions): RunningProduct {
  const dataDir = tempDataDir(options.dataDirPrefix);
  const origin = `http://localhost:${options.webPort}`;
  const child = spawn("npm", ["start"], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(options.webPort),
      APP_URL: origin,
      WORKERS_PORT: String(options.workersPort),
      SOCKET_PORT: String(options.socketPort),
      EMBEDDED_PG_PORT: String(options.pgPort),
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: ["ignore", "pipe", options.logFile ? fs.openSync(options.logFile, "a") : "inherit"],
    detached: true,
  });
  if (options.logFile) {
    const logFile = options.logFile;
    child.stdout?.on("data", (chunk: Buffer) => fs.appendFileSync(logFile, chunk));
  }

  let stopped = false;
  let exited = false;
  const stop = () => {
    if (stopped || !child.pid) return;
    stopped = true;
    try {
      // A frozen (SIGSTOPped) process only acts on SIGTERM once continued.
      process.kill(-child.pid, "SIGCONT");
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stop);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => process.exit(130));

  const timeoutMs = options.readyTimeoutMs ?? 600_000;
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start was not ready within ${timeoutMs / 1000} s`)), timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes('"ready at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", (code) => {
      exited = true;
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}`));
    });
  });
  // Callers await `ready`; a later exit must not surface as an unhandled rejection.
  ready.catch(() => undefined);

  return {
    base: `http://127.0.0.1:${options.webPort}`,
    origin,
    socketUrl: `http://127.0.0.1:${options.socketPort}`,
    databaseUrl: `postgresql://postgres:postgres@127.0.0.1:${options.pgPort}/postgres`,
    dataDir,
    pid: child.pid ?? 0,
    ready,
    exited: () => exited,
    whenExited: new Promise<void>((resolve) => (exited ? resolve() : child.once("exit", () => resolve()))),
    stop,
  };
}
