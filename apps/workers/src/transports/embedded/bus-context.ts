// What the embedded bus's factory (embedded-bus.ts) hands to its two halves, event delivery
// (event-delivery.ts) and scheduled jobs (scheduled-jobs.ts): one connection pool, one schema
// set-up, one retry policy and logger, and the bus's lifecycle.
import type { WorkerUtils } from "graphile-worker";
import type pg from "pg";
import type { RetryPolicy } from "@taskboard/events";

export interface BusLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** graphile-worker's own attempts only count crashes of the process mid-job, not handler retries. */
export const CRASH_ATTEMPTS = 25;

export interface BusContext {
  pool: pg.Pool;
  /** graphile-worker's schema and ours; done once, before the first publish, schedule or start. */
  ready(): Promise<WorkerUtils>;
  retry: RetryPolicy;
  log: BusLogger;
  /** Most jobs of one queue (a consumer's or scheduled jobs' partition) taken in one job run. */
  batchSize: number;
  /** start() was called: handlers must be registered before it. */
  started(): boolean;
  /** stop() was called: a running job takes no more of its queue. */
  stopped(): boolean;
}
