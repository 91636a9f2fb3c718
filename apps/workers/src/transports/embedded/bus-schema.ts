// The embedded transport's own bookkeeping tables, beside graphile-worker's schema. Like
// graphile-worker, the transport installs them itself at start-up: they exist only where the
// embedded transport runs, and the app's migrations (packages/db) stay transport-neutral.
import type pg from "pg";

export const BUS_SCHEMA = "taskboard_bus";

const INSTALL = `
CREATE SCHEMA IF NOT EXISTS ${BUS_SCHEMA};
-- Who listens to which topic: publish fans every event out to one job per row.
CREATE TABLE IF NOT EXISTS ${BUS_SCHEMA}.subscriptions (
  topic         text NOT NULL,
  consumer      text NOT NULL,
  registered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (topic, consumer)
);
-- Live graphile-worker pools and their last heartbeat: a pool that stops beating (SIGKILL, lost
-- host) has its job locks released by the survivors instead of graphile-worker's 4-hour expiry.
CREATE TABLE IF NOT EXISTS ${BUS_SCHEMA}.pools (
  id           text PRIMARY KEY,
  heartbeat_at timestamptz NOT NULL DEFAULT now()
);
`;

/** Idempotent; serialised by an advisory lock so that replicas starting together do not race. */
export async function installBusSchema(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [BUS_SCHEMA]);
    await client.query(INSTALL);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
