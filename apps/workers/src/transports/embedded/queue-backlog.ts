// A user's backlog in one job run. graphile-worker runs a named queue (one per consumer and user)
// one job at a time and holds the queue's lock while that job runs, so no other worker can take
// the queue's later jobs. The running job may therefore take them itself, in the order
// graphile-worker would have run them, and complete them once handled: N events of one user then
// cost one fetch and one handler transaction instead of N of each, which is what a burst for one
// user (1,000 reminders firing) needs. A crash before `completeQueuedJobs` leaves them ordinary
// jobs that run again (the consumers are idempotent).
//
// The payload is not in graphile-worker's public `jobs` view, so this reads `_private_jobs`
// (checked against graphile-worker 0.18: columns job_queue_id, is_available, run_at, priority).
// The taken jobs are not locked, so a scheduled job may be replaced (same job key: graphile-worker
// bumps its `revision` and keeps its id) or removed while the batch runs; completion therefore
// deletes a job only at the revision that was taken and handled, and a replaced one runs later
// (a reminder rescheduled mid-batch was once completed unfired and lost).
import type pg from "pg";

export interface QueuedJob {
  id: string;
  revision: number;
  payload: unknown;
}

/** The queue's next due jobs after the running one, oldest first (graphile-worker's order). */
export async function takeQueuedJobs(pool: pg.Pool, queueId: number, limit: number): Promise<QueuedJob[]> {
  if (limit <= 0) return [];
  const { rows } = await pool.query<QueuedJob>(
    `SELECT id::text AS id, revision, payload
       FROM graphile_worker._private_jobs
      WHERE job_queue_id = $1 AND is_available AND run_at <= now()
      ORDER BY priority, run_at, id
      LIMIT $2`,
    [queueId, limit],
  );
  return rows;
}

export async function completeQueuedJobs(pool: pg.Pool, jobs: readonly QueuedJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await pool.query(
    `DELETE FROM graphile_worker._private_jobs j
      USING unnest($1::bigint[], $2::int[]) AS t(id, revision)
      WHERE j.id = t.id AND j.revision = t.revision AND j.locked_by IS NULL`,
    [jobs.map((job) => job.id), jobs.map((job) => job.revision)],
  );
}

export interface BacklogRun<T> {
  /** The job graphile-worker handed over. */
  head: T;
  /** The queue's later due jobs taken with it (empty when batching is off). */
  queued: readonly QueuedJob[];
  /** Applies them all in one unit; false (or a throw) falls back to one at a time. */
  batch?: (items: T[]) => Promise<boolean>;
  one: (item: T) => Promise<void>;
  onBatchError: (error: unknown) => void;
}

/**
 * Runs a job and the backlog taken with it, in queue order: as one batch when possible, else one
 * by one. Taken jobs are completed once handled, and only those: on a failure the rest stay
 * ordinary jobs of the queue, in order, for the next run. Shared by event delivery and scheduled
 * jobs, whose queues work alike.
 */
export async function runBacklog<T>(pool: pg.Pool, run: BacklogRun<T>): Promise<void> {
  const items = [run.head, ...run.queued.map((job) => job.payload as T)];
  if (items.length > 1 && run.batch) {
    const applied = await run.batch(items).catch((error: unknown) => {
      run.onBatchError(error);
      return false;
    });
    if (applied) {
      await completeQueuedJobs(pool, run.queued);
      return;
    }
  }
  const handled: QueuedJob[] = [];
  try {
    for (const [index, item] of items.entries()) {
      await run.one(item);
      const taken = index > 0 ? run.queued[index - 1] : undefined;
      if (taken) handled.push(taken);
    }
  } finally {
    await completeQueuedJobs(pool, handled);
  }
}
