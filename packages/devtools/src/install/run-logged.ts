// Runs one install step (go build, mvn, apt-get) with its output in a log file, printing a
// progress line every 30 s so a long first build is visibly alive.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { toolsEnv } from "../env.ts";

export interface LoggedCommand {
  label: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
  logFile: string;
}

export async function runLogged(step: LoggedCommand): Promise<void> {
  const log = fs.openSync(step.logFile, "a");
  const started = Date.now();
  const child = spawn(step.command, step.args, {
    cwd: step.cwd,
    env: toolsEnv.childEnv(step.env),
    stdio: ["ignore", log, log],
  });
  const ticker = setInterval(() => {
    const lines = fs.readFileSync(step.logFile, "utf8").trimEnd().split("\n");
    console.log(`  … ${step.label}: ${Math.round((Date.now() - started) / 1000)} s, last: ${lines.at(-1)?.slice(0, 120) ?? ""}`);
  }, 30_000);
  try {
    const code = await new Promise<number>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (c) => resolve(c ?? 1));
    });
    if (code !== 0) {
      const tail = fs.readFileSync(step.logFile, "utf8").trimEnd().split("\n").slice(-15).join("\n");
      throw new Error(`${step.label} failed (exit ${code}); log: ${step.logFile}\n${tail}`);
    }
  } finally {
    clearInterval(ticker);
    fs.closeSync(log);
  }
}

/** Output of a short command, or undefined when it fails. */
export async function captureOutput(command: string, args: string[]): Promise<string | undefined> {
  const child = spawn(command, args, { env: toolsEnv.childEnv(), stdio: ["ignore", "pipe", "ignore"] });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number>((resolve) => {
    child.on("error", () => resolve(1));
    child.on("close", (c) => resolve(c ?? 1));
  });
  return code === 0 ? out : undefined;
}
