// Spawns a real workers process (Node + tsx, as `npm start` does) for process-level tests.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const appDir = path.resolve(import.meta.dirname, "../..");

/**
 * A hang guard for a test that starts one such process: Node + tsx compiling the workers and
 * loading Prisma takes 5-15 s on a 2-core machine busy with other suites (the suite's default 30 s
 * was seen to run out for a test starting three). Multiply by the processes a test starts.
 */
export const SPAWNED_PROCESS_TIMEOUT_MS = 45_000;

export interface SpawnedWorker {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnWorker(
  entry: string,
  env: Record<string, string | undefined>,
  args: readonly string[] = [],
): SpawnedWorker {
  const cleanEnv = { ...process.env };
  for (const key of Object.keys(cleanEnv)) if (key.startsWith("DAPR_") || key === "EVENT_BUS") delete cleanEnv[key];
  const child = spawn(process.execPath, ["--import", "tsx", entry, ...args], {
    cwd: appDir,
    env: { ...cleanEnv, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += String(chunk)));
  child.stderr?.on("data", (chunk) => (output += String(chunk)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

export async function waitForReady(port: number, worker: SpawnedWorker, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (worker.child.exitCode !== null) throw new Error(`worker exited early:\n${worker.output()}`);
    const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
    if (res?.ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`worker not ready within ${timeoutMs} ms:\n${worker.output()}`);
}
