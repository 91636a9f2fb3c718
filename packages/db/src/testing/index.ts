// Test databases for integration tests: one embedded PostgreSQL per test run (or the server in
// TEST_DATABASE_URL), a migrated template, and a fresh copy of it per test file.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { createDb, type Db } from "../client.ts";
import { migrate } from "../migrate.ts";

const TEMPLATE = "taskboard_template";

/** Called from a Vitest globalSetup: starts the server once and migrates the template. */
export async function setupTestServer(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  const external = process.env.TEST_DATABASE_URL;
  let adminUrl: string;
  let stop = async () => undefined as void;
  if (external) {
    adminUrl = external;
  } else {
    const { startEmbeddedPostgres, tempDataDir } = await import("../embedded.ts");
    const server = await startEmbeddedPostgres({ dataDir: `${tempDataDir()}/data`, persistent: false });
    adminUrl = server.url;
    stop = server.stop;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE}`);
    await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  } finally {
    await admin.end();
  }
  await migrate(withDatabase(adminUrl, TEMPLATE));
  return { adminUrl, stop };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

/** A fresh, migrated database cloned from the template. */
export async function createTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `test_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const db = createDb(url, { maxConnections: 5 });
  return {
    url,
    db,
    async drop() {
      await db.$disconnect();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
