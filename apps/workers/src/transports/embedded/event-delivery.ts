// The embedded bus's event delivery: publish, subscribe, and the graphile-worker task that hands
// each consumer its copy of an event.
//
// - Fan-out: each subscription is registered in taskboard_bus.subscriptions when the bus starts;
//   publish turns every event into one graphile-worker job per subscriber of its topic, in the
//   same statement, so each consumer gets its own copy (and its own retries).
// - Per-partition order: a subscriber's jobs for one partition key (user) share a named queue,
//   which graphile-worker runs one job at a time. Jobs are picked by run_at, so publish stamps
//   them now() + n µs to keep a batch's order (equal timestamps would be picked in any order).
// - A user's backlog in one run: the job that holds a queue also takes that queue's next due jobs
//   (queue-backlog.ts) and offers them to the subscription's handleBatch, if it has one.
// - Retries: inside the job (see retry-loop.ts for why), then the dead-letter sink.
import type { Task } from "graphile-worker";
import type { DeadLetterSink, Delivery, EventBus, Subscription, TCloudEvent, TTopic } from "@taskboard/events";
import { CRASH_ATTEMPTS, type BusContext } from "./bus-context.ts";
import { BUS_SCHEMA } from "./bus-schema.ts";
import { runBacklog, takeQueuedJobs } from "./queue-backlog.ts";
import { runWithRetries } from "./retry-loop.ts";

const DELIVER_TASK_PREFIX = "bus:deliver:";

interface DeliveryPayload {
  topic: TTopic;
  event: unknown;
}

export interface EventDelivery {
  publish: EventBus["publish"];
  subscribe: EventBus["subscribe"];
  /** At start: records the subscriptions and returns one graphile-worker task per consumer. */
  register(): Promise<{ consumers: string[]; tasks: Record<string, Task> }>;
}

export function createEventDelivery(ctx: BusContext, onDeadLetter: DeadLetterSink): EventDelivery {
  const { pool, log } = ctx;
  const subscriptions = new Map<string, Subscription>();

  /** One delivery to its end: retries, then the dead-letter sink. */
  async function deliverOne(subscription: Subscription, { topic, event }: DeliveryPayload): Promise<void> {
    const result = await runWithRetries(ctx.retry, async (attempt) => {
      const delivery: Delivery = { topic, event, attempt };
      const status = await subscription.handle(delivery);
      return { status, error: delivery.error };
    });
    if (result.status === "SUCCESS") return;
    const error = result.error ?? (result.status === "DROP" ? "dropped by the handler" : "retries used up");
    // If this throws (database down), graphile-worker re-runs the job later: at-least-once.
    await onDeadLetter({ consumer: subscription.consumer, topic, event, error, attempts: result.attempts });
  }

  function deliveryTask(subscription: Subscription): Task {
    const batch = subscription.handleBatch
      ? (payloads: DeliveryPayload[]) =>
          subscription.handleBatch?.(payloads.map(({ topic, event }): Delivery => ({ topic, event, attempt: 1 }))) ?? Promise.resolve(false)
      : undefined;
    return async (raw, helpers) => {
      const queueId = helpers.job.job_queue_id;
      const queued = queueId === null || ctx.stopped() ? [] : await takeQueuedJobs(pool, queueId, ctx.batchSize - 1);
      await runBacklog<DeliveryPayload>(pool, {
        head: raw as DeliveryPayload,
        queued,
        batch,
        one: (payload) => deliverOne(subscription, payload),
        onBatchError: (error) => log.warn({ err: error, consumer: subscription.consumer }, "batch handler threw: delivering one by one"),
      });
    };
  }

  return {
    async publish(topic, events) {
      if (events.length === 0) return;
      await ctx.ready();
      // One statement: every subscriber's copy of every event, or none of them. Each event's
      // payload is built once (MATERIALIZED), not once per subscriber, and its queue key comes as
      // a parameter instead of being parsed back out of the JSON.
      await pool.query(
        `WITH e AS MATERIALIZED (
           SELECT json_build_object('topic', $1::text, 'event', u.event::json) AS payload, u.partition_key, u.ord
             FROM unnest($2::text[], $5::text[]) WITH ORDINALITY AS u(event, partition_key, ord)
         )
         SELECT count(*) FROM graphile_worker.add_jobs(ARRAY(
           SELECT ROW(
               $3::text || s.consumer,
               e.payload,
               s.consumer || '/' || e.partition_key,
               now() + e.ord * interval '1 microsecond',
               $4::int, NULL, NULL, NULL
             )::graphile_worker.job_spec
             FROM e
             JOIN ${BUS_SCHEMA}.subscriptions s ON s.topic = $1
            ORDER BY e.ord, s.consumer))`,
        [
          topic,
          events.map((event: TCloudEvent) => JSON.stringify(event)),
          DELIVER_TASK_PREFIX,
          CRASH_ATTEMPTS,
          events.map((event: TCloudEvent) => event.partitionkey ?? ""),
        ],
      );
    },

    subscribe(subscription) {
      if (ctx.started()) throw new Error(`subscribe(${subscription.consumer}) after start(): register consumers first`);
      const key = `${subscription.topic}/${subscription.consumer}`;
      if (subscriptions.has(key)) throw new Error(`consumer "${subscription.consumer}" already subscribed to ${subscription.topic}`);
      subscriptions.set(key, subscription);
    },

    async register() {
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
      const tasks: Record<string, Task> = {};
      for (const [consumer, subscription] of byConsumer) {
        tasks[DELIVER_TASK_PREFIX + consumer] = deliveryTask(subscription);
      }
      return { consumers: [...byConsumer.keys()], tasks };
    },
  };
}
