// The bus has one job handler; this routes each fired job to the consumer that owns its name
// prefix and classifies failures like event deliveries (RETRY, or DROP for permanent errors).
// Never throws to the transport (docs/traps.md #1, 4: an unknown job is logged, not silently acked).
// A job whose payload carries a `traceparent` (the span that scheduled it) fires in a child span
// of it, so a reminder firing days later is still part of the change's trace.
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import type { Db } from "@taskboard/db";
import type { JobBatchHandler, JobHandler } from "@taskboard/events";
import { contextFromTraceparent, traceLogFields, traceparentOf } from "@taskboard/telemetry/trace-context";
import type { Logger } from "pino";
import type { ConsumerDefinition, JobScheduler } from "./define-consumer.ts";
import { tracer } from "../tracing/tracer.ts";
import { errorMessage, isPermanentError } from "./errors.ts";

export function createJobDispatcher(
  consumers: readonly ConsumerDefinition[],
  deps: { db: Db; log: Logger; jobs: JobScheduler },
): JobHandler | undefined {
  const owners = consumers.flatMap((consumer) => (consumer.jobs ? [{ consumer: consumer.name, jobs: consumer.jobs }] : []));
  if (owners.length === 0) return undefined;
  return async (job) => {
    const owner = owners.find((candidate) => job.name.startsWith(candidate.jobs.prefix));
    const scheduledBy = (job.payload as { traceparent?: unknown } | null)?.traceparent;
    const span = tracer().startSpan(
      `job ${owner?.jobs.prefix ?? "unknown"}`,
      { kind: SpanKind.CONSUMER, attributes: { "taskboard.job.name": job.name, "taskboard.attempt": job.attempt, ...(owner ? { "taskboard.consumer": owner.consumer } : {}) } },
      contextFromTraceparent(typeof scheduledBy === "string" ? scheduledBy : undefined),
    );
    const log = deps.log.child({ ...traceLogFields(span), job: job.name, attempt: job.attempt, consumer: owner?.consumer });
    try {
      if (!owner) {
        log.error("no consumer owns this job: dropping it");
        span.setStatus({ code: SpanStatusCode.ERROR, message: "no consumer owns this job" });
        return "DROP";
      }
      await owner.jobs.handle(job, { db: deps.db, log, jobs: deps.jobs, traceparent: traceparentOf(span) });
      return "SUCCESS";
    } catch (error) {
      const verdict = isPermanentError(error) ? "DROP" : "RETRY";
      log.warn({ err: error, verdict }, "job handler failed");
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: `${verdict}: ${errorMessage(error)}` });
      return verdict;
    } finally {
      span.end();
    }
  };
}

/**
 * Due jobs of one owner handed over together go to their consumer's handleBatch, each in its own
 * span (child of the span that scheduled it, like a single firing). False, with nothing changed,
 * when no single consumer owns them all or it has no batch handler: they then fire one by one.
 */
export function createJobBatchDispatcher(
  consumers: readonly ConsumerDefinition[],
  deps: { db: Db; log: Logger; jobs: JobScheduler },
): JobBatchHandler | undefined {
  const owners = consumers.flatMap((consumer) => (consumer.jobs?.handleBatch ? [{ consumer: consumer.name, jobs: consumer.jobs }] : []));
  if (owners.length === 0) return undefined;
  return async (jobs) => {
    const owner = owners.find((candidate) => jobs.every((job) => job.name.startsWith(candidate.jobs.prefix)));
    const handleBatch = owner?.jobs.handleBatch;
    if (!owner || !handleBatch) return false;
    const spans = jobs.map((job) => {
      const scheduledBy = (job.payload as { traceparent?: unknown } | null)?.traceparent;
      return tracer().startSpan(
        `job ${owner.jobs.prefix}`,
        { kind: SpanKind.CONSUMER, attributes: { "taskboard.job.name": job.name, "taskboard.attempt": 1, "taskboard.consumer": owner.consumer } },
        contextFromTraceparent(typeof scheduledBy === "string" ? scheduledBy : undefined),
      );
    });
    const log = deps.log.child({ consumer: owner.consumer });
    try {
      return await handleBatch(
        jobs.map((job, index) => ({ ...job, traceparent: traceparentOf(spans[index]) })),
        { db: deps.db, log, jobs: deps.jobs },
      );
    } catch (error) {
      log.warn({ err: error, jobs: jobs.length }, "job batch failed: firing one by one");
      return false;
    } finally {
      for (const span of spans) span.end();
    }
  };
}
