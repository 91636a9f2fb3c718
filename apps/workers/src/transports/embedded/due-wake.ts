// graphile-worker wakes idle workers when a job is inserted (LISTEN/NOTIFY), not when a job
// inserted with a future run_at becomes due: that waits for each worker's next poll, so a
// reminder fired up to a poll interval late, and a burst of them fanned out only as the workers'
// poll timers came round. This arms one timer per distinct due instant and wakes the whole pool
// then. The poll stays the fallback (a missed timer, a job scheduled beyond the horizon by
// another replica before the next look-ahead).
import type pg from "pg";

/** Past the due instant, so that the database's now() has reached run_at when the worker asks. */
const SLACK_MS = 5;
/** Distinct instants kept armed at once; beyond it the poll fallback does the work. */
const MAX_TIMERS = 1_000;

export interface DueWake {
  /** A job will be due at `at`: wake the pool then, if it is within the horizon. */
  expect(at: Date): void;
  /** Arms the instants of jobs already in the database that fall due within the horizon. */
  lookAhead(pool: pg.Pool, taskIdentifier: string): Promise<void>;
  stop(): void;
}

export function createDueWake(wake: () => void, horizonMs: number): DueWake {
  const timers = new Map<number, NodeJS.Timeout>();
  let stopped = false;

  function expect(at: Date) {
    const instant = at.getTime();
    const delay = instant - Date.now();
    // Already due: the insert's NOTIFY wakes a worker. Far ahead: a later look-ahead arms it.
    if (stopped || delay <= 0 || delay > horizonMs || timers.has(instant) || timers.size >= MAX_TIMERS) return;
    const timer = setTimeout(() => {
      timers.delete(instant);
      if (!stopped) wake();
    }, delay + SLACK_MS);
    timer.unref();
    timers.set(instant, timer);
  }

  return {
    expect,
    async lookAhead(pool, taskIdentifier) {
      const { rows } = await pool.query<{ run_at: Date }>(
        `SELECT DISTINCT run_at FROM graphile_worker.jobs
          WHERE task_identifier = $1 AND locked_at IS NULL
            AND run_at > now() AND run_at <= now() + $2 * interval '1 millisecond'
          LIMIT ${MAX_TIMERS}`,
        [taskIdentifier, horizonMs],
      );
      for (const row of rows) expect(row.run_at);
    },
    stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
