// The embedded bus's scheduled jobs: schedule, cancel, onJob, and the graphile-worker task that
// fires them.
//
// - A scheduled job is a graphile-worker job with a job key (= the job name): scheduling the same
//   name replaces the earlier job, cancelling removes it.
// - Jobs with a partition key share a named queue, and the job that holds it fires that queue's
//   other due jobs too (queue-backlog.ts), through the batch handler if onJob was given one.
// - Retries: inside the job (retry-loop.ts); still failing after them, the job is handed back to
//   graphile-worker, which runs it again later: a due reminder is never lost.
// - A timer wakes the pool when a job falls due (due-wake.ts) instead of the next poll.
import type { Task } from "graphile-worker";
import type { EventBus, JobBatchHandler, JobHandler, ScheduledJob } from "@taskboard/events";
import { CRASH_ATTEMPTS, type BusContext } from "./bus-context.ts";
import { createDueWake } from "./due-wake.ts";
import { runBacklog, takeQueuedJobs } from "./queue-backlog.ts";
import { runWithRetries } from "./retry-loop.ts";

const JOB_TASK = "bus:job";
/** Queue of one partition's scheduled jobs; ":" never occurs in a consumer name, so no clash. */
const JOB_QUEUE_PREFIX = "job:";

interface JobPayload {
  name: string;
  payload: unknown;
}

export interface ScheduledJobs {
  onJob: EventBus["onJob"];
  schedule: EventBus["schedule"];
  cancel: EventBus["cancel"];
  /** The graphile-worker task that fires every scheduled job. */
  tasks: Record<string, Task>;
  /** The worker pool is up: due jobs wake it from now on. */
  attach(wakePool: () => void): void;
  /** Arms the wake-ups of jobs already in the database (another replica's, or an earlier run's). */
  lookAhead(): Promise<void>;
  stop(): void;
}

/** `horizonMs`: how far ahead jobs arm a wake-up; past it, the next lookAhead arms them. */
export function createScheduledJobs(ctx: BusContext, horizonMs: number): ScheduledJobs {
  const { pool, log } = ctx;
  let jobHandler: JobHandler | undefined;
  let jobBatchHandler: JobBatchHandler | undefined;
  let wakePool: (() => void) | undefined;
  const dueWake = createDueWake(() => wakePool?.(), horizonMs);

  /**
   * Fires one job with its retries. Still failing after them (the database down longer than the
   * retries last): a due reminder must not be lost, so this throws and graphile-worker runs the
   * job again later with its own backoff; jobs of the batch not yet fired stay ordinary jobs.
   */
  async function fireOne(handler: JobHandler, { name, payload }: JobPayload): Promise<void> {
    const result = await runWithRetries(ctx.retry, (attempt) => handler({ name, payload, attempt }).then((status) => ({ status })));
    if (result.status === "DROP") {
      log.error({ job: name, attempts: result.attempts }, "scheduled job dropped by its handler");
    } else if (result.status === "RETRY") {
      log.warn({ job: name, attempts: result.attempts }, "scheduled job still failing: rescheduled");
      throw new Error(`job "${name}" still failing after ${result.attempts} attempts`);
    }
  }

  // Like event delivery: a job of a partition's queue also takes that queue's other due jobs, so a
  // burst of one user's reminders fires in a few transactions instead of one per reminder.
  const jobTask: Task = async (raw, helpers) => {
    const head = raw as JobPayload;
    if (!jobHandler) throw new Error(`no job handler registered for job "${head.name}"`);
    const handler = jobHandler;
    const queueId = helpers.job.job_queue_id;
    const queued = queueId === null || !jobBatchHandler || ctx.stopped() ? [] : await takeQueuedJobs(pool, queueId, ctx.batchSize - 1);
    await runBacklog<JobPayload>(pool, {
      head,
      queued,
      batch: jobBatchHandler,
      one: (job) => fireOne(handler, job),
      onBatchError: (error) => log.warn({ err: error }, "job batch handler threw: firing one by one"),
    });
  };

  return {
    onJob(handler, batchHandler) {
      if (ctx.started()) throw new Error("onJob() after start(): register the job handler first");
      jobHandler = handler;
      jobBatchHandler = batchHandler;
    },

    async schedule(job: ScheduledJob) {
      const workerUtils = await ctx.ready();
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
      await ctx.ready();
      // graphile-worker's SQL API: deletes the job, or (if it is running) stops it from retrying.
      await pool.query("SELECT graphile_worker.remove_job($1)", [name]);
    },

    tasks: { [JOB_TASK]: jobTask },

    attach(wake) {
      wakePool = wake;
    },

    lookAhead: () => dueWake.lookAhead(pool, JOB_TASK),

    stop: () => dueWake.stop(),
  };
}
