// Applies the plain SQL migrations in prisma/migrations. The same files and the same function run
// in every environment: `npm start`, the tests and the Kubernetes migration job.
import { fileURLToPath } from "node:url";
import path from "node:path";
import pg from "pg";
import Postgrator from "postgrator";

export const migrationsDir = fileURLToPath(new URL("../prisma/migrations", import.meta.url));

export interface MigrateResult {
  from: number;
  to: number;
  applied: string[];
}

export interface MigrateOptions {
  /** Stop at this version (e.g. 5 for 005.do.*.sql) instead of the newest: upgrade tests start from an older schema. */
  target?: number;
}

export async function migrate(databaseUrl: string, options: MigrateOptions = {}): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Two processes starting at once (web and workers, or two migration jobs) must not both
    // apply the same file: serialise on an advisory lock.
    await client.query("SELECT pg_advisory_lock(727274)");
    const postgrator = new Postgrator({
      migrationPattern: path.join(migrationsDir, "*.sql"),
      driver: "pg",
      schemaTable: "schema_migrations",
      validateChecksums: true,
      execQuery: (query) => client.query(query),
    });
    const from = await postgrator.getDatabaseVersion();
    const applied = await postgrator.migrate(options.target === undefined ? "max" : String(options.target));
    const to = await postgrator.getDatabaseVersion();
    return { from, to, applied: applied.map((m) => m.filename) };
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => undefined);
    await client.end();
  }
}
