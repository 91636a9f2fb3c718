// The embedded transport: durable, Postgres-backed, built on graphile-worker, so one machine needs
// nothing but the database. Used by `npm start` and the tests; Kubernetes uses Dapr instead.
//
// - Fan-out: each subscription is registered in taskboard_bus.subscriptions when the bus starts;
//   publish turns every event into one graphile-worker job per subscriber of its topic, in the
//   same statement, so each consumer gets its own copy (and its own retries).
// - Per-partition order: a subscriber's jobs for one partition key (user) share a named queue,
//   which graphile-worker runs one job at a time. Jobs are picked by run_at, so publish stamps
//   them now() + n µs to keep a batch's order (equal timestamps would be picked in any order).
// - A user's backlog in one run: the job that holds a queue also takes that queue's next due jobs
//   (queue-backlog.ts) and offers them to the subscription's handleBatch, if it has one.
// - Retries: inside the job (see retry-loop.ts for why), then the dead-letter sink. Jobs survive
//   any process restart; a killed process's locks are released by the survivors (stale-locks.ts).
// - Scheduled jobs: graphile-worker jobs with a job key (= the job name): scheduling the same name
//   replaces the earlier job, cancelling removes it. A timer wakes the pool when one falls due
//   (due-wake.ts) instead of the next poll.
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
import {
  DEFAULT_RETRY_POLICY,
  type DeadLetterSink,
  type Delivery,
  type EventBus,
  type JobBatchHandler,
  type JobHandler,
  type RetryPolicy,
  type ScheduledJob,
  type Subscription,
  type TCloudEvent,
  type TTopic,
} from "@taskboard/events";
import { BUS_SCHEMA, installBusSchema } from "./bus-schema.ts";
import { createDueWake } from "./due-wake.ts";
import { runBacklog, takeQueuedJobs } from "./queue-backlog.ts";
import { runWithRetries } from "./retry-loop.ts";
import { beat, forget, releaseDeadPools } from "./stale-locks.ts";

export interface BusLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

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

const DELIVER_TASK_PREFIX = "bus:deliver:";
const JOB_TASK = "bus:job";
/** Queue of one partition's scheduled jobs; ":" never occurs in a consumer name, so no clash. */
const JOB_QUEUE_PREFIX = "job:";
/** graphile-worker's own attempts only count crashes of the process mid-job, not handler retries. */
const CRASH_ATTEMPTS = 25;

interface DeliveryPayload {
  topic: TTopic;
  event: unknown;
}
interface JobPayload {
  name: string;
  payload: unknown;
}

const NUDGE_AFTER_COMPLETE_MS = 5;

const silentLogger: BusLogger = { debug() {}, info() {}, warn() {}, error() {} };

export function createEmbeddedBus(options: EmbeddedBusOptions): EventBus {
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const log = options.log ?? silentLogger;
  const staleAfterMs = options.staleAfterMs ?? 30_000;
  const concurrency = options.concurrency ?? 8;
  const batchSize = Math.max(1, options.batchSize ?? 100);
  const sweepEveryMs = Math.max(250, Math.floor(staleAfterMs / 3));
  // Twice the look-ahead period, so that consecutive look-aheads overlap.
  const dueWake = createDueWake(() => wakePool?.(), 2 * sweepEveryMs);
  let wakePool: (() => void) | undefined;
  const pool = new pg.Pool({ connectionString: options.connectionString, max: concurrency + 4 });
  // A dropped connection must not crash the process: graphile-worker reconnects.
  pool.on("error", (error) => log.warn({ err: error }, "idle bus connection failed"));
  pool.on("connect", (client) => client.on("error", (error) => log.warn({ err: error }, "bus connection failed")));
  const subscriptions = new Map<string, Subscription>();
  let jobHandler: JobHandler | undefined;
  let jobBatchHandler: JobBatchHandler | undefined;
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

  /** graphile-worker's schema and ours; done once, before the first publish or start. */
  function ready(): Promise<WorkerUtils> {
    readyPromise ??= (async () => {
      await runMigrations({ pgPool: pool, logger: graphileLogger });
      await installBusSchema(pool);
      utils = await makeWorkerUtils({ pgPool: pool, logger: graphileLogger });
      return utils;
    })();
    return readyPromise;
  }

  /** One delivery to its end: retries, then the dead-letter sink. */
  async function deliverOne(subscription: Subscription, { topic, event }: DeliveryPayload): Promise<void> {
    const result = await runWithRetries(retry, async (attempt) => {
      const delivery: Delivery = { topic, event, attempt };
      const status = await subscription.handle(delivery);
      return { status, error: delivery.error };
    });
    if (result.status === "SUCCESS") return;
    const error = result.error ?? (result.status === "DROP" ? "dropped by the handler" : "retries used up");
    // If this throws (database down), graphile-worker re-runs the job later: at-least-once.
    await options.onDeadLetter({ consumer: subscription.consumer, topic, event, error, attempts: result.attempts });
  }

  function deliveryTask(subscription: Subscription): Task {
    const batch = subscription.handleBatch
      ? (payloads: DeliveryPayload[]) =>
          subscription.handleBatch?.(payloads.map(({ topic, event }): Delivery => ({ topic, event, attempt: 1 }))) ?? Promise.resolve(false)
      : undefined;
    return async (raw, helpers) => {
      const queueId = helpers.job.job_queue_id;
      const queued = queueId === null || stopped ? [] : await takeQueuedJobs(pool, queueId, batchSize - 1);
      await runBacklog<DeliveryPayload>(pool, {
        head: raw as DeliveryPayload,
        queued,
        batch,
        one: (payload) => deliverOne(subscription, payload),
        onBatchError: (error) => log.warn({ err: error, consumer: subscription.consumer }, "batch handler threw: delivering one by one"),
      });
    };
  }

  /**
   * Fires one job with its retries. Still failing after them (the database down longer than the
   * retries last): a due reminder must not be lost, so this throws and graphile-worker runs the
   * job again later with its own backoff; jobs of the batch not yet fired stay ordinary jobs.
   */
  async function fireOne(handler: JobHandler, { name, payload }: JobPayload): Promise<void> {
    const result = await runWithRetries(retry, (attempt) => handler({ name, payload, attempt }).then((status) => ({ status })));
    if (result.status === "DROP") {
      log.error({ job: name, attempts: result.attempts }, "scheduled job dropped by its handler");
    } else if (result.status === "RETRY") {
      log.warn({ job: name, attempts: result.attempts }, "scheduled job still failing: rescheduled");
      throw new Error(`job "${name}" still failing after ${result.attempts} attempts`);
    }
  }

  // Like deliveryTask: a job of a partition's queue also takes that queue's other due jobs, so a
  // burst of one user's reminders fires in a few transactions instead of one per reminder.
  const jobTask: Task = async (raw, helpers) => {
    const head = raw as JobPayload;
    if (!jobHandler) throw new Error(`no job handler registered for job "${head.name}"`);
    const handler = jobHandler;
    const queueId = helpers.job.job_queue_id;
    const queued = queueId === null || !jobBatchHandler || stopped ? [] : await takeQueuedJobs(pool, queueId, batchSize - 1);
    await runBacklog<JobPayload>(pool, {
      head,
      queued,
      batch: jobBatchHandler,
      one: (job) => fireOne(handler, job),
      onBatchError: (error) => log.warn({ err: error }, "job batch handler threw: firing one by one"),
    });
  };

  async function sweep() {
    if (!utils || !poolId) return;
    try {
      await beat(pool, poolId);
      // Jobs scheduled by another replica, or before this process started.
      await dueWake.lookAhead(pool, JOB_TASK);
      const released = await releaseDeadPools(pool, utils, staleAfterMs);
      if (released.length > 0) log.warn({ pools: released }, "released the job locks of dead worker pools");
    } catch (error) {
      log.warn({ err: error }, "bus heartbeat failed");
    }
  }

  return {
    async publish(topic, events) {
      if (events.length === 0) return;
      await ready();
      // One statement: every subscriber's copy of every event, or none of them.
      await pool.query(
        `SELECT count(*) FROM graphile_worker.add_jobs(ARRAY(
           SELECT ROW(
               $3::text || s.consumer,
               json_build_object('topic', $1::text, 'event', e.event::json),
               s.consumer || '/' || coalesce(e.event::jsonb ->> 'partitionkey', ''),
               now() + e.ord * interval '1 microsecond',
               $4::int, NULL, NULL, NULL
             )::graphile_worker.job_spec
             FROM unnest($2::text[]) WITH ORDINALITY AS e(event, ord)
             JOIN ${BUS_SCHEMA}.subscriptions s ON s.topic = $1
            ORDER BY e.ord, s.consumer))`,
        [topic, events.map((event: TCloudEvent) => JSON.stringify(event)), DELIVER_TASK_PREFIX, CRASH_ATTEMPTS],
      );
    },

    subscribe(subscription) {
      if (started) throw new Error(`subscribe(${subscription.consumer}) after start(): register consumers first`);
      const key = `${subscription.topic}/${subscription.consumer}`;
      if (subscriptions.has(key)) throw new Error(`consumer "${subscription.consumer}" already subscribed to ${subscription.topic}`);
      subscriptions.set(key, subscription);
    },

    onJob(handler, batchHandler) {
      if (started) throw new Error("onJob() after start(): register the job handler first");
      jobHandler = handler;
      jobBatchHandler = batchHandler;
    },

    async schedule(job: ScheduledJob) {
      const workerUtils = await ready();
      await workerUtils.addJob(JOB_TASK, { name: job.name, payload: job.payload } satisfies JobPayload, {
        jobKey: job.name,
        jobKeyMode: "replace",
        runAt: job.at,
        ...(job.partitionKey ? { queueName: JOB_QUEUE_PREFIX + job.partitionKey } : {}),
        maxAttempts: CRASH_ATTEMPTS,
      });
      dueWake.expect(job.at);
    },

    async cancel(name) {
      await ready();
      // graphile-worker's SQL API: deletes the job, or (if it is running) stops it from retrying.
      await pool.query("SELECT graphile_worker.remove_job($1)", [name]);
    },

    async start() {
      if (started) throw new Error("bus already started");
      started = true;
      await ready();
      const byConsumer = new Map<string, Subscription>();
      for (const subscription of subscriptions.values()) {
        if (byConsumer.has(subscription.consumer)) {
          throw new Error(`consumer "${subscription.consumer}" subscribes twice; one topic per consumer`);
        }
        byConsumer.set(subscription.consumer, subscription);
        await pool.query(
          `INSERT INTO ${BUS_SCHEMA}.subscriptions (topic, consumer) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
          [subscription.topic, subscription.consumer],
        );
      }
      const taskList: Record<string, Task> = { [JOB_TASK]: jobTask };
      for (const [consumer, subscription] of byConsumer) {
        taskList[DELIVER_TASK_PREFIX + consumer] = deliveryTask(subscription);
      }
      const events: WorkerEvents = new EventEmitter();
      let nudgeTimer: NodeJS.Timeout | undefined;
      events.on("pool:create", ({ workerPool }) => {
        poolId = workerPool.id;
        wakePool = () => workerPool.nudge(concurrency);
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
      log.info({ consumers: [...byConsumer.keys()], concurrency }, "embedded bus started");
    },

    async stop() {
      if (stopped) return;
      stopped = true;
      if (timer) clearInterval(timer);
      dueWake.stop();
      // Graceful: no new jobs are taken; running ones (including their backoff) finish first.
      if (runner) await runner.stop();
      if (poolId) await forget(pool, poolId).catch(() => undefined);
      if (utils) await utils.release();
      await pool.end();
    },
  };
}
