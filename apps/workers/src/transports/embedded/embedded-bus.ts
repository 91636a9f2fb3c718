// The embedded transport: durable, Postgres-backed, built on graphile-worker, so one machine needs
// nothing but the database. Used by `npm start` and the tests; Kubernetes uses Dapr instead.
//
// This file composes the bus and runs it; each half keeps its own rules:
// - event delivery (event-delivery.ts): publish, subscribe, fan-out, one queue per consumer and
//   user, a user's backlog in one run, retries, then the dead-letter sink;
// - scheduled jobs (scheduled-jobs.ts): schedule, cancel, onJob, firing, the due-instant wake.
// Here: the connection pool, graphile-worker's runner (one task list for both halves), the nudge
// that lets a user's next job run as soon as the previous one completes, and the heartbeat sweep.
// Jobs survive any process restart; a killed process's locks are released by the survivors
// (stale-locks.ts).
import { EventEmitter } from "node:events";
import {
  Logger as GraphileLogger,
  makeWorkerUtils,
  run,
  runMigrations,
  type Runner,
  type Task,
  type WorkerEvents,
  type WorkerUtils,
} from "graphile-worker";
import pg from "pg";
import { DEFAULT_RETRY_POLICY, type DeadLetterSink, type EventBus, type RetryPolicy } from "@taskboard/events";
import type { BusContext, BusLogger } from "./bus-context.ts";
import { installBusSchema } from "./bus-schema.ts";
import { createEventDelivery } from "./event-delivery.ts";
import { createScheduledJobs } from "./scheduled-jobs.ts";
import { beat, forget, releaseDeadPools } from "./stale-locks.ts";

export type { BusLogger } from "./bus-context.ts";

export interface EmbeddedBusOptions {
  connectionString: string;
  onDeadLetter: DeadLetterSink;
  retry?: RetryPolicy;
  /** Jobs run at once by this process (each holds one user's queue of one consumer). */
  concurrency?: number;
  /** Locks of a pool silent for this long are released (crash recovery). Default 30 s. */
  staleAfterMs?: number;
  /** graphile-worker's polling fallback when a LISTEN notification is missed. Default 2 s. */
  pollIntervalMs?: number;
  /** Most deliveries of one consumer and partition taken in one job run. Default 100. */
  batchSize?: number;
  log?: BusLogger;
  /** The job runner died (not a handler failure): the process is no longer consuming. */
  onFatal?(error: unknown): void;
}

const NUDGE_AFTER_COMPLETE_MS = 5;

const silentLogger: BusLogger = { debug() {}, info() {}, warn() {}, error() {} };

export function createEmbeddedBus(options: EmbeddedBusOptions): EventBus {
  const log = options.log ?? silentLogger;
  const staleAfterMs = options.staleAfterMs ?? 30_000;
  const concurrency = options.concurrency ?? 8;
  const sweepEveryMs = Math.max(250, Math.floor(staleAfterMs / 3));
  const pool = new pg.Pool({ connectionString: options.connectionString, max: concurrency + 4 });
  // A dropped connection must not crash the process: graphile-worker reconnects.
  pool.on("error", (error) => log.warn({ err: error }, "idle bus connection failed"));
  pool.on("connect", (client) => client.on("error", (error) => log.warn({ err: error }, "bus connection failed")));
  let runner: Runner | undefined;
  let utils: WorkerUtils | undefined;
  let poolId: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let readyPromise: Promise<WorkerUtils> | undefined;
  let started = false;
  let stopped = false;

  const graphileLogger = new GraphileLogger((scope) => (level, message, meta) => {
    const obj = { scope: { label: scope.label, taskIdentifier: scope.taskIdentifier }, ...meta };
    if (level === "error") log.error(obj, message);
    else if (level === "warning") log.warn(obj, message);
    else log.debug(obj, message);
  });

  const ctx: BusContext = {
    pool,
    ready() {
      readyPromise ??= (async () => {
        await runMigrations({ pgPool: pool, logger: graphileLogger });
        await installBusSchema(pool);
        utils = await makeWorkerUtils({ pgPool: pool, logger: graphileLogger });
        return utils;
      })();
      return readyPromise;
    },
    retry: options.retry ?? DEFAULT_RETRY_POLICY,
    log,
    batchSize: Math.max(1, options.batchSize ?? 100),
    started: () => started,
    stopped: () => stopped,
  };
  const delivery = createEventDelivery(ctx, options.onDeadLetter);
  // Twice the look-ahead period, so that consecutive look-aheads overlap.
  const jobs = createScheduledJobs(ctx, 2 * sweepEveryMs);

  async function sweep() {
    if (!utils || !poolId) return;
    try {
      await beat(pool, poolId);
      // Jobs scheduled by another replica, or before this process started.
      await jobs.lookAhead();
      const released = await releaseDeadPools(pool, utils, staleAfterMs);
      if (released.length > 0) log.warn({ pools: released }, "released the job locks of dead worker pools");
    } catch (error) {
      log.warn({ err: error }, "bus heartbeat failed");
    }
  }

  return {
    publish: delivery.publish,
    subscribe: delivery.subscribe,
    onJob: jobs.onJob,
    schedule: jobs.schedule,
    cancel: jobs.cancel,

    async start() {
      if (started) throw new Error("bus already started");
      started = true;
      await ctx.ready();
      const { consumers, tasks } = await delivery.register();
      const taskList: Record<string, Task> = { ...jobs.tasks, ...tasks };
      const events: WorkerEvents = new EventEmitter();
      let nudgeTimer: NodeJS.Timeout | undefined;
      events.on("pool:create", ({ workerPool }) => {
        poolId = workerPool.id;
        jobs.attach(() => workerPool.nudge(concurrency));
        // graphile-worker wakes idle workers when jobs are inserted, not when a named queue is
        // unlocked, so a user's next event could wait for the next poll. Completion is written
        // just after "job:complete" fires; shortly after it, ask one idle worker to look again.
        events.on("job:complete", () => {
          nudgeTimer ??= setTimeout(() => {
            nudgeTimer = undefined;
            if (!stopped) workerPool.nudge(1);
          }, NUDGE_AFTER_COMPLETE_MS);
        });
      });
      runner = await run({
        pgPool: pool,
        taskList,
        concurrency,
        noHandleSignals: true,
        pollInterval: options.pollIntervalMs ?? 2_000,
        logger: graphileLogger,
        events,
      });
      runner.promise.catch((error: unknown) => {
        if (!stopped) options.onFatal?.(error);
      });
      await sweep();
      timer = setInterval(() => void sweep(), sweepEveryMs);
      timer.unref();
      log.info({ consumers, concurrency }, "embedded bus started");
    },

    async stop() {
      if (stopped) return;
      stopped = true;
      if (timer) clearInterval(timer);
      jobs.stop();
      // Graceful: no new jobs are taken; running ones (including their backoff) finish first.
      if (runner) await runner.stop();
      if (poolId) await forget(pool, poolId).catch(() => undefined);
      if (utils) await utils.release();
      await pool.end();
    },
  };
}
