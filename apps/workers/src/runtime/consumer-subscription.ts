// Turns a consumer into a transport Subscription: validate, then run the handler and the
// idempotency record in ONE transaction, classify failures, log and count. Never throws to the
// transport (the Dapr SDK would ack a throw as success, docs/traps.md #1).
import { performance } from "node:perf_hooks";
import { SpanKind, SpanStatusCode, context as otelContext, trace, type Span } from "@opentelemetry/api";
import { markEventProcessed, markEventsProcessed, type Db, type Prisma } from "@taskboard/db";
import { parseEvent, type DeliveryStatus, type Subscription, type TCloudEvent } from "@taskboard/events";
import { contextFromTraceparent, traceLogFields, traceparentOf } from "@taskboard/telemetry/trace-context";
import type { Logger } from "pino";
import type { Metrics } from "../metrics.ts";
import { tracer } from "../tracing/tracer.ts";
import type { ChangePublisher } from "./change-publisher.ts";
import type { BatchContext, ConsumerDefinition, JobScheduler } from "./define-consumer.ts";
import { errorMessage, isPermanentError } from "./errors.ts";

export interface ConsumerRuntimeDeps {
  db: Db;
  log: Logger;
  metrics?: Metrics;
  /** Upper bound of one handler's transaction. */
  transactionTimeoutMs?: number;
  /** The bus, for consumers that schedule jobs. */
  jobs?: JobScheduler;
  /** Where committed change-feed entries are pushed (ConsumerContext.publishAfterCommit). */
  changes?: ChangePublisher;
}

const noScheduler: JobScheduler = {
  schedule: () => Promise.reject(new Error("no job scheduler was given to this consumer's runtime")),
  cancel: () => Promise.reject(new Error("no job scheduler was given to this consumer's runtime")),
};

export function createConsumerSubscription(consumer: ConsumerDefinition, deps: ConsumerRuntimeDeps): Subscription {
  const handled = new Set<string>(consumer.events.map((definition) => definition.type));
  const labels = { consumer: consumer.name };
  const baseLog = deps.log.child({ consumer: consumer.name });
  const timeout = deps.transactionTimeoutMs ?? 10_000;

  /** The consumer span continues the event's trace (the relay's publish span, itself a child of
   * the mutation that wrote the event); events the handler produces carry this span. */
  function startEventSpan(event: TCloudEvent, attempt: number): EventSpan {
    const span = tracer().startSpan(
      `consume ${event.type}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          "messaging.operation.type": "process",
          "messaging.destination.name": consumer.topic,
          "messaging.consumer.group.name": consumer.name,
          "messaging.message.id": event.id,
          "cloudevents.event_type": event.type,
          "taskboard.attempt": attempt,
        },
      },
      contextFromTraceparent(event.traceparent),
    );
    // Ids only: never the task's contents (title, description) at info level.
    const log = baseLog.child({
      ...traceLogFields(span),
      eventId: event.id,
      eventType: event.type,
      userId: event.partitionkey,
      attempt,
    });
    return { span, log, traceparent: traceparentOf(span) };
  }

  /** What a handler's context offers beyond its transaction; effects queue on `postCommit`. */
  function contextFor(tx: Prisma.TransactionClient, log: Logger, postCommit: (() => void | Promise<void>)[]): BatchContext {
    return {
      tx,
      log,
      afterCommit: (effect) => void postCommit.push(effect),
      publishAfterCommit: (userId, change) => void postCommit.push(() => deps.changes?.emitToUser(userId, change)),
      jobs: deps.jobs ?? noScheduler,
    };
  }

  /** The idempotency record and the effect, inside `tx`; false for a duplicate. */
  async function apply(
    tx: Prisma.TransactionClient,
    event: TCloudEvent,
    attempt: number,
    { span, log, traceparent }: EventSpan,
    postCommit: (() => void | Promise<void>)[],
    marked = false,
  ): Promise<boolean> {
    return otelContext.with(trace.setSpan(otelContext.active(), span), async () => {
      if (!marked && !(await markEventProcessed(tx, consumer.name, event.id))) return false;
      await consumer.handle(event as never, { ...contextFor(tx, log, postCommit), attempt, traceparent });
      return true;
    });
  }

  /**
   * `work` in one transaction, then the effects it queued on `postCommit` (only once committed).
   * A retried transaction callback starts over: what a failed try queued is forgotten.
   */
  async function commitThenEffects<T>(
    work: (tx: Prisma.TransactionClient, postCommit: (() => void | Promise<void>)[]) => Promise<T>,
    log: Logger,
  ): Promise<T> {
    let postCommit: (() => void | Promise<void>)[] = [];
    const result = await deps.db.$transaction(
      (tx) => {
        postCommit = [];
        return work(tx, postCommit);
      },
      { timeout },
    );
    await runAfterCommit(postCommit, log);
    return result;
  }

  function recordApplied(spanned: EventSpan, applied: boolean, seconds: number) {
    deps.metrics?.eventsConsumed.inc({ ...labels, outcome: applied ? "applied" : "duplicate" });
    deps.metrics?.handlerSeconds.observe(labels, seconds);
    spanned.log.debug({ durationMs: Math.round(seconds * 1000), duplicate: !applied }, "event handled");
    spanned.span.setAttribute("taskboard.duplicate", !applied);
  }

  return {
    consumer: consumer.name,
    topic: consumer.topic,
    async handle(delivery): Promise<DeliveryStatus> {
      const started = performance.now();
      const parsed = parseEvent(delivery.event);
      if (!parsed.ok) {
        delivery.error = parsed.error.message;
        deps.metrics?.eventsFailed.inc({ ...labels, verdict: "DROP" });
        baseLog.warn({ attempt: delivery.attempt, error: delivery.error }, "malformed event: dead-lettering");
        return "DROP";
      }
      const event = parsed.event;
      if (!handled.has(event.type)) return "SUCCESS";

      const spanned = startEventSpan(event, delivery.attempt);
      const { span, log } = spanned;
      try {
        const applied = await commitThenEffects((tx, postCommit) => apply(tx, event, delivery.attempt, spanned, postCommit), log);
        recordApplied(spanned, applied, (performance.now() - started) / 1000);
        return "SUCCESS";
      } catch (error) {
        const verdict: DeliveryStatus = isPermanentError(error) ? "DROP" : "RETRY";
        delivery.error = errorMessage(error);
        const durationMs = Math.round(performance.now() - started);
        deps.metrics?.eventsFailed.inc({ ...labels, verdict });
        deps.metrics?.handlerSeconds.observe(labels, durationMs / 1000);
        log.warn({ durationMs, verdict, err: error }, "event handler failed");
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR, message: `${verdict}: ${delivery.error}` });
        return verdict;
      } finally {
        span.end();
      }
    },

    // A backlog of one user in ONE transaction: every event's idempotency record and effect
    // commit together or not at all, so exactly-once holds per event; the pushes run after the
    // commit in event order. Anything unusual (a malformed event, any failure) answers false and
    // the transport falls back to handle(), where retries and dead letters work per event.
    async handleBatch(deliveries): Promise<boolean> {
      const started = performance.now();
      const events: TCloudEvent[] = [];
      for (const delivery of deliveries) {
        const parsed = parseEvent(delivery.event);
        if (!parsed.ok) return false;
        if (handled.has(parsed.event.type)) events.push(parsed.event);
      }
      if (events.length === 0) return true;
      const spans = events.map((event) => startEventSpan(event, 1));
      try {
        const applied = await commitThenEffects(async (tx, postCommit) => {
          // One statement records them all; a duplicate (already handled) is left out.
          const fresh = await markEventsProcessed(tx, consumer.name, events.map((event) => event.id));
          const applied = events.map((event) => fresh.delete(event.id));
          const todo = events.filter((_, index) => applied[index]);
          if (consumer.handleMany) {
            if (todo.length > 0) {
              await consumer.handleMany(todo as never, contextFor(tx, baseLog, postCommit));
            }
          } else {
            for (const [index, event] of events.entries()) {
              if (applied[index]) await apply(tx, event, 1, spans[index] as EventSpan, postCommit, true);
            }
          }
          return applied;
        }, baseLog);
        const seconds = (performance.now() - started) / 1000 / events.length;
        spans.forEach((spanned, index) => recordApplied(spanned, applied[index] ?? false, seconds));
        return true;
      } catch (error) {
        baseLog.debug({ err: error, size: events.length }, "batch rolled back: delivering one by one");
        return false;
      } finally {
        for (const { span } of spans) span.end();
      }
    },
  };
}

interface EventSpan {
  span: Span;
  log: Logger;
  traceparent?: string;
}

/** Committed is committed: a failing post-commit effect is logged, never turned into a retry. */
async function runAfterCommit(effects: (() => void | Promise<void>)[], log: Logger): Promise<void> {
  for (const effect of effects) {
    try {
      await effect();
    } catch (error) {
      log.error({ err: error }, "post-commit effect failed");
    }
  }
}
