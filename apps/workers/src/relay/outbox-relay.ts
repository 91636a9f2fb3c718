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
// Throughput: reads and marks go through node-postgres on the leader's own session, the next batch
// is read while the current one is published, and a batch is marked (one UPDATE) while the next
// one is published (see run()); publishes themselves stay one batch at a time, in order.
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

  /**
   * Publishes consecutive runs of one topic, keeping the batch's order, and returns the ids the
   * bus accepted (or parked), for the caller to mark. If a run fails, the runs already accepted
   * are marked before the error goes up; the rest stay unpublished and are retried.
   */
  async function publish(rows: PendingOutboxEvent[]): Promise<string[]> {
    const done: string[] = [];
    try {
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
        for (const row of run) done.push(row.id);
        start = end;
      }
      return done;
    } catch (error) {
      // Best effort: rows left unmarked are published again (at-least-once).
      await markOutboxEventsPublished(connection.session, done).catch(() => undefined);
      throw error;
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

  /** Reads a batch on the leader's session; never rejects unhandled (it may be dropped unread). */
  function read(excluding: readonly string[] = []): Promise<PendingOutboxEvent[]> {
    const rows = findPendingOutboxEvents(connection.session, batchSize, excluding);
    rows.catch(() => undefined);
    return rows;
  }

  /** Marks a published batch; the promise never rejects unhandled (it is awaited later). */
  function mark(ids: readonly string[]): Promise<unknown> {
    const marked = markOutboxEventsPublished(connection.session, ids);
    marked.catch(() => undefined);
    return marked;
  }

  async function run() {
    let failures = 0;
    // Two things overlap the publish of the batch in hand, both on the leader's session, which
    // runs them in the order they were sent:
    // - `next`, the next batch, read while this one is published (only after a full batch: more
    //   is waiting). It leaves out the batch in hand, not marked yet. It is dropped whenever the
    //   batch in hand fails or the leadership lapses, and read again.
    // - `marking`, the previous batch's UPDATE, sent after that batch was accepted and before this
    //   batch's `next` read (so that read sees it marked). It is awaited before the next mark and
    //   before the relay idles or stops: a failed mark goes the failure path, and its rows, still
    //   unmarked, are published again (at-least-once, as after a crash).
    let next: Promise<PendingOutboxEvent[]> | undefined;
    let marking: Promise<unknown> | undefined;
    const settleMarking = async () => {
      const pending = marking;
      marking = undefined;
      await pending;
    };
    while (!stopping) {
      const leading = await connection.tryLead();
      options.metrics?.relayLeader.set(leading ? 1 : 0);
      if (!leading) {
        next = undefined;
        await settleMarking().catch(() => undefined);
        await idle(pollIntervalMs);
        hinted = false;
        continue;
      }
      hinted = false;
      let rows: PendingOutboxEvent[] = [];
      try {
        rows = await (next ?? read());
        next = undefined;
        // Leadership may have been lost while reading: a standby may already be publishing.
        if (rows.length > 0 && connection.isLeader()) {
          if (rows.length === batchSize) next = read(rows.map((r) => r.id));
          const published = await publish(rows);
          await settleMarking();
          marking = mark(published);
        }
        // A full batch means more is waiting: go again at once. Otherwise wait for a hint or a poll.
        if (rows.length < batchSize) {
          await settleMarking();
          await idle(pollIntervalMs);
        }
        failures = 0;
      } catch (error) {
        next = undefined;
        await settleMarking().catch(() => undefined);
        failures++;
        const delay = Math.min(maxBackoffMs, 100 * 2 ** Math.min(failures, 16));
        log.warn({ err: error, failures, retryInMs: delay, batch: rows.length }, "outbox relay could not publish; backing off");
        await recordOutboxPublishFailure(options.db, rows.map((r) => r.id), errorMessage(error)).catch(() => undefined);
        await sleep(delay, undefined, { signal: stopped.signal }).catch(() => undefined);
      }
    }
    await settleMarking().catch((error: unknown) => log.warn({ err: error }, "outbox relay could not mark its last batch; it will be published again"));
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
