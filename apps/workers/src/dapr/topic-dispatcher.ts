// Fans one delivered CloudEvent out to every consumer of its topic and folds their answers into
// the one status Dapr expects. Dapr allows a single subscription per (pubsub, topic) and app id,
// so consumers sharing a topic share a route: RETRY beats DROP beats SUCCESS, as in the JS SDK's
// own fan-out. Consumers that already settled an event are not called again on its redelivery.
import type { DeliveryStatus, Subscription, TTopic } from "@taskboard/events";
import type { BusLogger } from "./bus-logger.ts";

const STATUSES: ReadonlySet<string> = new Set(["SUCCESS", "RETRY", "DROP"]);
/** Redeliveries come back to the same process within seconds; this bounds the memory they use. */
const MAX_TRACKED_EVENTS = 10_000;

interface Tracked {
  attempts: number;
  settled: Map<string, DeliveryStatus>;
}

export interface TopicDispatcher {
  readonly topic: TTopic;
  dispatch(event: unknown): Promise<DeliveryStatus>;
}

export function createTopicDispatcher(
  topic: TTopic,
  subscriptions: readonly Subscription[],
  logger: BusLogger,
): TopicDispatcher {
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

  return {
    topic,
    async dispatch(event) {
      const eventId = eventIdOf(event);
      const entry = track(eventId);
      entry.attempts += 1;
      const attempt = entry.attempts;
      const pending = subscriptions.filter((s) => !entry.settled.has(s.consumer));
      const results = await Promise.all(
        pending.map(async (subscription) => {
          const status = await runHandler(subscription, { topic, event, attempt }, logger, eventId);
          if (status !== "RETRY") entry.settled.set(subscription.consumer, status);
          return status;
        }),
      );
      const all = [...results, ...entry.settled.values()];
      const status: DeliveryStatus = all.includes("RETRY") ? "RETRY" : all.includes("DROP") ? "DROP" : "SUCCESS";
      if (status !== "RETRY" && eventId !== undefined) tracked.delete(eventId);
      return status;
    },
  };
}

/** A handler that throws or answers nonsense means "try again", never an implicit SUCCESS (PITFALLS 1). */
async function runHandler(
  subscription: Subscription,
  delivery: Parameters<Subscription["handle"]>[0],
  logger: BusLogger,
  eventId: string | undefined,
): Promise<DeliveryStatus> {
  const context = { consumer: subscription.consumer, topic: delivery.topic, eventId, attempt: delivery.attempt };
  try {
    const status: unknown = await subscription.handle(delivery);
    if (typeof status === "string" && STATUSES.has(status)) return status as DeliveryStatus;
    logger.error({ ...context, status }, "consumer answered no valid status; asking Dapr to retry");
    return "RETRY";
  } catch (error) {
    logger.error({ ...context, err: error }, "consumer threw; asking Dapr to retry");
    return "RETRY";
  }
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
