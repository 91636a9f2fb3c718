// Fans one delivered CloudEvent out to every consumer of its topic and folds their answers into
// the one status daprd expects. Dapr allows a single subscription per (pubsub, topic) and app id,
// so consumers sharing a topic share a route: RETRY beats DROP beats SUCCESS, as in the JS SDK's
// own fan-out. A consumer that settled an event (done or dead-lettered) is not called again when
// daprd redelivers it for another consumer's sake.
//
// Retry timing is daprd's (the resiliency policy in infra/dapr). The dispatcher only counts
// attempts, and when a consumer gives up (DROP, or RETRY once the declared retries are used up)
// and a dead-letter sink is configured, records the letter with that consumer and its error, so
// operators see which consumer failed and why. Without a sink, daprd's deadLetterTopic takes it.
import type { DeadLetterSink, Delivery, DeliveryStatus, RetryPolicy, Subscription, TTopic } from "@taskboard/events";
import type { BusLogger } from "./bus-logger.ts";
import { SOURCE_TRACEPARENT_ATTRIBUTE } from "./wire-format.ts";

const STATUSES: ReadonlySet<string> = new Set(["SUCCESS", "RETRY", "DROP"]);
/** Redeliveries come back to the same process within seconds; this bounds the memory they use. */
const MAX_TRACKED_EVENTS = 10_000;
/** Attributes daprd adds to a CloudEvent it forwards; none of them belongs to our envelope. */
const DAPR_ADDED_ATTRIBUTES = ["topic", "pubsubname", "traceid", "tracestate"] as const;

/** What one consumer's answer became: SUCCESS also covers a letter recorded in the sink. */
type Settlement = "SUCCESS" | "DROP";

interface Tracked {
  attempts: number;
  settled: Map<string, Settlement>;
}

export interface TopicDispatcherOptions {
  retry: RetryPolicy;
  onDeadLetter: DeadLetterSink | undefined;
  logger: BusLogger;
}

export interface TopicDispatcher {
  readonly topic: TTopic;
  dispatch(event: unknown): Promise<DeliveryStatus>;
}

export function createTopicDispatcher(
  topic: TTopic,
  subscriptions: readonly Subscription[],
  options: TopicDispatcherOptions,
): TopicDispatcher {
  const { logger } = options;
  const tracked = new Map<string, Tracked>();

  function track(eventId: string | undefined): Tracked {
    if (eventId === undefined) return { attempts: 0, settled: new Map() };
    let entry = tracked.get(eventId);
    if (!entry) {
      entry = { attempts: 0, settled: new Map() };
      tracked.set(eventId, entry);
      if (tracked.size > MAX_TRACKED_EVENTS) {
        const oldest = tracked.keys().next().value;
        if (oldest !== undefined) tracked.delete(oldest);
      }
    }
    return entry;
  }

  async function settle(subscription: Subscription, delivery: Delivery, status: DeliveryStatus): Promise<DeliveryStatus | Settlement> {
    const exhausted = status === "RETRY" && delivery.attempt > options.retry.maxRetries;
    if (status === "SUCCESS" || (status === "RETRY" && !exhausted)) return status;
    if (!options.onDeadLetter) return status; // daprd dead-letters it (DROP now, RETRY when exhausted)
    const error = delivery.error ?? (exhausted ? `gave up after ${delivery.attempt} attempts` : "dropped by consumer");
    try {
      await options.onDeadLetter({ consumer: subscription.consumer, topic, event: delivery.event, error, attempts: delivery.attempt });
      logger.warn({ consumer: subscription.consumer, topic, attempts: delivery.attempt, error }, "event dead-lettered");
      return "SUCCESS";
    } catch (sinkError) {
      // Never lose it: let daprd deliver again and try the sink once more.
      logger.error({ consumer: subscription.consumer, topic, err: sinkError }, "dead-letter sink failed; asking daprd to retry");
      return "RETRY";
    }
  }

  return {
    topic,
    async dispatch(received) {
      const event = withoutDaprAttributes(received);
      const eventId = eventIdOf(event);
      const entry = track(eventId);
      entry.attempts += 1;
      const attempt = entry.attempts;
      const pending = subscriptions.filter((s) => !entry.settled.has(s.consumer));
      const results = await Promise.all(
        pending.map(async (subscription) => {
          const delivery: Delivery = { topic, event, attempt };
          const status = await runHandler(subscription, delivery, logger, eventId);
          const outcome = await settle(subscription, delivery, status);
          if (outcome !== "RETRY") entry.settled.set(subscription.consumer, outcome);
          return outcome;
        }),
      );
      const all = [...results, ...entry.settled.values()];
      const status: DeliveryStatus = all.includes("RETRY") ? "RETRY" : all.includes("DROP") ? "DROP" : "SUCCESS";
      if (status !== "RETRY" && eventId !== undefined) tracked.delete(eventId);
      return status;
    },
  };
}

/** A handler that throws or answers nonsense means "try again", never an implicit SUCCESS (docs/traps.md #1). */
async function runHandler(
  subscription: Subscription,
  delivery: Delivery,
  logger: BusLogger,
  eventId: string | undefined,
): Promise<DeliveryStatus> {
  const context = { consumer: subscription.consumer, topic: delivery.topic, eventId, attempt: delivery.attempt };
  try {
    const status: unknown = await subscription.handle(delivery);
    if (typeof status === "string" && STATUSES.has(status)) return status as DeliveryStatus;
    logger.error({ ...context, status }, "consumer answered no valid status; asking daprd to retry");
    delivery.error ??= `consumer answered ${JSON.stringify(status)} instead of SUCCESS, RETRY or DROP`;
    return "RETRY";
  } catch (error) {
    logger.error({ ...context, err: error }, "consumer threw; asking daprd to retry");
    delivery.error ??= error instanceof Error ? error.message : String(error);
    return "RETRY";
  }
}

/**
 * The event as our publisher sent it. daprd always overwrites traceid, traceparent, tracestate,
 * topic and pubsubname (components-contrib pubsub/envelope.go), so the publisher carries the
 * event's own traceparent in SOURCE_TRACEPARENT_ATTRIBUTE and it is put back here.
 */
export function withoutDaprAttributes(event: unknown): unknown {
  if (typeof event !== "object" || event === null || Array.isArray(event)) return event;
  const copy: Record<string, unknown> = { ...event };
  for (const key of DAPR_ADDED_ATTRIBUTES) delete copy[key];
  delete copy.traceparent;
  if (typeof copy[SOURCE_TRACEPARENT_ATTRIBUTE] === "string") copy.traceparent = copy[SOURCE_TRACEPARENT_ATTRIBUTE];
  delete copy[SOURCE_TRACEPARENT_ATTRIBUTE];
  return copy;
}

export function eventIdOf(event: unknown): string | undefined {
  if (typeof event === "object" && event !== null && "id" in event && typeof event.id === "string") {
    return event.id;
  }
  return undefined;
}

export function partitionKeyOf(event: unknown): string | undefined {
  if (typeof event === "object" && event !== null && "partitionkey" in event && typeof event.partitionkey === "string") {
    return event.partitionkey;
  }
  return undefined;
}
