// Redis for the Redis Streams pub/sub: Debian's redis-server, installed with apt-get when we are
// root. The tests and `start:dapr` run their own server on a free port; the system service, if
// apt starts one, is left alone.
import { locate, onPath } from "../locate.ts";
import { elapsedSince, type InstallResult } from "./result.ts";
import { runLogged } from "./run-logged.ts";
import os from "node:os";
import path from "node:path";

export async function installRedis(): Promise<InstallResult> {
  const found = locate("redis-server");
  if (found) return { tool: "redis-server", status: "found", detail: found };
  if (process.getuid?.() !== 0 || !onPath("apt-get")) {
    return { tool: "redis-server", status: "missing", detail: "run `sudo apt-get install -y redis-server` (or your system's package)" };
  }
  const started = Date.now();
  const logFile = path.join(os.tmpdir(), "taskboard-tools-apt.log");
  await runLogged({ label: "apt-get update", command: "apt-get", args: ["update", "-qq"], logFile });
  await runLogged({
    label: "apt-get install redis-server",
    command: "apt-get",
    args: ["install", "-y", "-qq", "redis-server"],
    env: { DEBIAN_FRONTEND: "noninteractive" },
    logFile,
  });
  return { tool: "redis-server", status: "installed", detail: locate("redis-server") ?? "redis-server", seconds: elapsedSince(started) };
}
