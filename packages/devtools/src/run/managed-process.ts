// A long-running tool process (Kafka, redis-server, the scheduler, daprd) started for a test, a
// benchmark or `start:dapr`: its output goes to a log file, readiness is awaited with a deadline,
// and stop() ends it (SIGTERM, then SIGKILL after a grace period).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { toolsEnv } from "../env.ts";

export interface ManagedProcess {
  name: string;
  pid: number;
  logFile: string;
  /** True until the process exits. */
  running(): boolean;
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL: a crash, for fault tests. */
  kill(): Promise<void>;
  /** SIGSTOP / SIGCONT: a frozen process that holds its sockets. */
  freeze(): void;
  thaw(): void;
}

export interface StartOptions {
  name: string;
  command: string;
  args: string[];
  logFile: string;
  cwd?: string;
  env?: Record<string, string>;
  /** Resolves true once the process serves; polled until `readyTimeoutMs`. */
  ready: () => Promise<boolean>;
  readyTimeoutMs?: number;
}

export async function startManagedProcess(options: StartOptions): Promise<ManagedProcess> {
  const log = fs.openSync(options.logFile, "a");
  const child: ChildProcess = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: toolsEnv.childEnv(options.env),
    stdio: ["ignore", log, log],
  });
  fs.closeSync(log);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));
  child.once("error", () => (exited = true));

  const handle: ManagedProcess = {
    name: options.name,
    pid: child.pid ?? -1,
    logFile: options.logFile,
    running: () => !exited,
    async stop(graceMs = 10_000) {
      if (exited) return;
      child.kill("SIGCONT");
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exit;
      clearTimeout(timer);
    },
    async kill() {
      if (exited) return;
      child.kill("SIGKILL");
      await exit;
    },
    freeze: () => void child.kill("SIGSTOP"),
    thaw: () => void child.kill("SIGCONT"),
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  while (!(await options.ready().catch(() => false))) {
    if (exited) throw new Error(`${options.name} exited before it was ready; log: ${options.logFile}\n${tail(options.logFile)}`);
    if (Date.now() > deadline) {
      await handle.kill();
      throw new Error(`${options.name} not ready after ${options.readyTimeoutMs ?? 60_000} ms; log: ${options.logFile}\n${tail(options.logFile)}`);
    }
    await sleep(100);
  }
  return handle;
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-20).join("\n");
  } catch {
    return "";
  }
}
