// A private redis-server on a free loopback port for Redis Streams, with append-only persistence
// in its own folder so a restart keeps the streams and their consumer groups.
import fs from "node:fs";
import path from "node:path";
import { locate } from "../locate.ts";
import { freePort } from "@taskboard/db/ports";
import { startManagedProcess, type ManagedProcess } from "./managed-process.ts";
import { tcpOpen } from "./probes.ts";

export interface RedisServer {
  host: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

export async function startRedis(options: { dataDir: string; port?: number }): Promise<RedisServer> {
  const binary = locate("redis-server");
  if (!binary) throw new Error("redis-server is not installed: run `npm run tools`");
  fs.mkdirSync(options.dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const process = await startManagedProcess({
    name: "redis",
    command: binary,
    args: ["--port", String(port), "--bind", "127.0.0.1", "--dir", options.dataDir, "--appendonly", "yes", "--save", "", "--protected-mode", "yes"],
    logFile: path.join(options.dataDir, "redis.log"),
    ready: () => tcpOpen(port),
  });
  return { host: `127.0.0.1:${port}`, process, stop: () => process.stop() };
}
