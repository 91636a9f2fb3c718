// Crash recovery for graphile-worker: a pool killed with SIGKILL keeps its job and queue locks,
// which graphile-worker itself only clears after 4 hours. Every live bus beats a heartbeat row;
// any bus that finds locks older than `staleAfterMs` whose owner has no fresh heartbeat unlocks
// them (graphile-worker's forceUnlockWorkers), so the killed pool's work resumes within seconds.
import type pg from "pg";
import type { WorkerUtils } from "graphile-worker";
import { BUS_SCHEMA } from "./bus-schema.ts";

export async function beat(pool: pg.Pool, poolId: string): Promise<void> {
  await pool.query(
    `INSERT INTO ${BUS_SCHEMA}.pools (id) VALUES ($1)
     ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()`,
    [poolId],
  );
}

export async function forget(pool: pg.Pool, poolId: string): Promise<void> {
  await pool.query(`DELETE FROM ${BUS_SCHEMA}.pools WHERE id = $1`, [poolId]);
}

/** Releases the locks of dead pools; returns their ids. */
export async function releaseDeadPools(
  pool: pg.Pool,
  utils: WorkerUtils,
  staleAfterMs: number,
): Promise<string[]> {
  const { rows } = await pool.query<{ locked_by: string }>(
    `SELECT DISTINCT j.locked_by
       FROM graphile_worker.jobs j
      WHERE j.locked_by IS NOT NULL
        AND j.locked_at < now() - $1 * interval '1 millisecond'
        AND NOT EXISTS (
          SELECT 1 FROM ${BUS_SCHEMA}.pools p
           WHERE p.id = j.locked_by AND p.heartbeat_at > now() - $1 * interval '1 millisecond')`,
    [staleAfterMs],
  );
  await pool.query(`DELETE FROM ${BUS_SCHEMA}.pools WHERE heartbeat_at < now() - $1 * interval '1 millisecond'`, [
    staleAfterMs,
  ]);
  const ids = rows.map((row) => row.locked_by);
  if (ids.length > 0) await utils.forceUnlockWorkers(ids);
  return ids;
}
