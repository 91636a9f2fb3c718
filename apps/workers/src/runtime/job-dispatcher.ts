// The bus has one job handler; this routes each fired job to the consumer that owns its name
// prefix and classifies failures like event deliveries (RETRY, or DROP for permanent errors).
// Never throws to the transport (PITFALLS 1, 4: an unknown job is logged, not silently acked).
import type { Db } from "@taskboard/db";
import type { JobHandler } from "@taskboard/events";
import type { Logger } from "pino";
import type { ConsumerDefinition, JobScheduler } from "./define-consumer.ts";
import { isPermanentError } from "./errors.ts";

export function createJobDispatcher(
  consumers: readonly ConsumerDefinition[],
  deps: { db: Db; log: Logger; jobs: JobScheduler },
): JobHandler | undefined {
  const owners = consumers.flatMap((consumer) => (consumer.jobs ? [{ consumer: consumer.name, jobs: consumer.jobs }] : []));
  if (owners.length === 0) return undefined;
  return async (job) => {
    const owner = owners.find((candidate) => job.name.startsWith(candidate.jobs.prefix));
    const log = deps.log.child({ job: job.name, attempt: job.attempt, consumer: owner?.consumer });
    if (!owner) {
      log.error("no consumer owns this job: dropping it");
      return "DROP";
    }
    try {
      await owner.jobs.handle(job, { db: deps.db, log, jobs: deps.jobs });
      return "SUCCESS";
    } catch (error) {
      const verdict = isPermanentError(error) ? "DROP" : "RETRY";
      log.warn({ err: error, verdict }, "job handler failed");
      return verdict;
    }
  };
}
