// The web process's one PrismaClient. Created on first use (not at import) so `next build` can
// load route modules without a database; cached on globalThis so dev hot reloads reuse the pool.
import "server-only";
import { createDb, type Db } from "@taskboard/db";
import { env } from "@/env";

const globalForDb = globalThis as unknown as { taskboardDb?: Db };

export function getDb(): Db {
  globalForDb.taskboardDb ??= createDb(env.DATABASE_URL);
  return globalForDb.taskboardDb;
}
