// The outbox relay: moves committed outbox rows to the bus, in commit order per user, in batches.
//
// Ordering across replicas: exactly one relay publishes at a time (the leader, by a session
// advisory lock; see relay-connection.ts). Row-level claiming (FOR UPDATE SKIP LOCKED) alone would
// let a second relay publish a user's later rows while the first still holds the earlier ones;
// locks per user would keep order but split batches and add a lock per user per batch. One leader
// keeps order trivially and one relay already publishes thousands of events/s (docs/benchmarks.md);
// standbys take over as soon as the leader's session ends.
//
// Delivery: rows are read by status (published_at IS NULL) in sequence order, never by cursor
// (docs/traps.md #10), published, and marked only after the bus resolved. A crash between the two
// republishes the batch: at-least-once, which consumer idempotency absorbs.
//
// Latency: the outbox trigger NOTIFYs as a hint; polling is the fallback (docs/traps.md #11). When the
// bus is down the relay backs off exponentially; the mutation side never waits for it.
import { setTimeout as sleep } from "node:timers/promises";
import { SpanKind, SpanStatusCode, type Span } from "@opentelemetry/api";
import {
  findPendingOutboxEvents,
  markOutboxEventsPublished,
  recordOutboxPublishFailure,
  type Db,
  type PendingOutboxEvent,
} from "@taskboard/db";
import { ZTopicSchema, type EventBus, type TCloudEvent, type TTopic } from "@taskboard/events";
import { contextFromTraceparent, traceLogFields, traceparentOf } from "@taskboard/telemetry/trace-context";
import type { Logger } from "pino";
import type { Metrics } from "../metrics.ts";
import { errorMessage } from "../runtime/errors.ts";
import { tracer } from "../tracing/tracer.ts";
import { createRelayConnection } from "./relay-connection.ts";

export interface OutboxRelayOptions {
  db: Db;
  connectionString: string;
  bus: EventBus;
  log: Logger;
  metrics?: Metrics;
  batchSize?: number;
  pollIntervalMs?: number;
  maxBackoffMs?: number;
}

export interface OutboxRelay {
  start(): void;
  /** Finishes the batch in hand (publish + mark), then stops and releases the leadership. */
  stop(): Promise<void>;
  isLeader(): boolean;
}

export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const batchSize = options.batchSize ?? 500;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const log = options.log.child({ component: "outbox-relay" });
  let stopping = false;
  let hinted = false;
  let wake: (() => void) | undefined;
  let loop: Promise<void> | undefined;
  const stopped = new AbortController();

  const connection = createRelayConnection(options.connectionString, log, () => {
    hinted = true;
    wake?.();
  });

  /** Sleeps until a NOTIFY hint, stop(), or `ms` elapse. */
  async function idle(ms: number) {
    if (hinted || stopping) return;
    const controller = new AbortController();
    wake = () => controller.abort();
    await sleep(ms, undefined, { signal: controller.signal }).catch(() => undefined);
    wake = undefined;
  }

  /** Publishes consecutive runs of one topic, keeping the batch's order. */
  async function publish(rows: PendingOutboxEvent[]) {
    let start = 0;
    while (start < rows.length) {
      const topic = rows[start]?.topic;
      let end = start;
      while (end < rows.length && rows[end]?.topic === topic) end++;
      const run = rows.slice(start, end);
      const parsedTopic = ZTopicSchema.safeParse(topic);
      if (!parsedTopic.success) {
        // A row no transport can carry must not block every row behind it: park it for operators.
        log.error({ topic, ids: run.map((r) => r.id) }, "outbox rows with an unknown topic: skipped");
        await recordOutboxPublishFailure(options.db, run.map((r) => r.id), `unknown topic "${topic}"`);
      } else {
        const started = performance.now();
        await publishTraced(parsedTopic.data, run.map((r) => r.event as TCloudEvent));
        options.metrics?.relayPublishSeconds.observe({ topic }, (performance.now() - started) / 1000);
        options.metrics?.relayPublished.inc({ topic }, run.length);
      }
      await markOutboxEventsPublished(options.db, run.map((r) => r.id));
      start = end;
    }
  }

  /**
   * One PRODUCER span per event, a child of the traceparent the writer stored (the mutation's
   * span), covering the batch's publish; the event goes out carrying the relay span's traceparent,
   * so each consumer's span is its child. The outbox row keeps the writer's original.
   */
  async function publishTraced(topic: TTopic, events: TCloudEvent[]) {
    const spans: Span[] = [];
    const outgoing = events.map((event) => {
      const span = tracer().startSpan(
        `publish ${event.type}`,
        {
          kind: SpanKind.PRODUCER,
          attributes: {
            "messaging.operation.type": "send",
            "messaging.destination.name": topic,
            "messaging.message.id": event.id,
            "messaging.batch.message_count": events.length,
            "cloudevents.event_type": event.type,
          },
        },
        contextFromTraceparent(event.traceparent),
      );
      spans.push(span);
      const traceparent = traceparentOf(span);
      if (log.isLevelEnabled("debug")) {
        log.debug({ ...traceLogFields(span), eventId: event.id, eventType: event.type, userId: event.partitionkey, topic }, "publishing event");
      }
      return traceparent && traceparent !== event.traceparent ? { ...event, traceparent } : event;
    });
    try {
      await options.bus.publish(topic, outgoing);
    } catch (error) {
      for (const span of spans) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessage(error) });
      }
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
  }

  async function run() {
    let failures = 0;
    while (!stopping) {
      const leading = await connection.tryLead();
      options.metrics?.relayLeader.set(leading ? 1 : 0);
      if (!leading) {
        await idle(pollIntervalMs);
        hinted = false;
        continue;
      }
      hinted = false;
      let rows: PendingOutboxEvent[] = [];
      try {
        rows = await findPendingOutboxEvents(options.db, batchSize);
        // Leadership may have been lost while reading: a standby may already be publishing.
        if (rows.length > 0 && connection.isLeader()) await publish(rows);
        failures = 0;
      } catch (error) {
        failures++;
        const delay = Math.min(maxBackoffMs, 100 * 2 ** Math.min(failures, 16));
        log.warn({ err: error, failures, retryInMs: delay, batch: rows.length }, "outbox relay could not publish; backing off");
        await recordOutboxPublishFailure(options.db, rows.map((r) => r.id), errorMessage(error)).catch(() => undefined);
        await sleep(delay, undefined, { signal: stopped.signal }).catch(() => undefined);
        continue;
      }
      // A full batch means more is waiting: go again at once. Otherwise wait for a hint or a poll.
      if (rows.length < batchSize) await idle(pollIntervalMs);
    }
  }

  return {
    start() {
      loop ??= run().catch((error: unknown) => log.error({ err: error }, "outbox relay stopped unexpectedly"));
    },
    async stop() {
      stopping = true;
      stopped.abort();
      wake?.();
      await loop;
      await connection.close();
      options.metrics?.relayLeader.set(0);
    },
    isLeader: () => connection.isLeader(),
  };
}
