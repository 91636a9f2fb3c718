// The contract every transport implements (embedded Postgres-backed, or Dapr pub/sub + Jobs).
// Consumers and the outbox relay depend on this interface only, never on a transport.
import type { TCloudEvent } from "./envelope.ts";
import type { TTopic } from "./topics.ts";

/** What a handler answers, with Dapr's meaning: done; try again later; give up (dead-letter). */
export type DeliveryStatus = "SUCCESS" | "RETRY" | "DROP";

export interface Delivery {
  topic: TTopic;
  /** The CloudEvent as received: not yet validated, since a transport cannot know the schema. */
  event: unknown;
  /** 1 on first delivery. */
  attempt: number;
}

export interface Subscription {
  /** Consumer name; also its idempotency scope and (under Dapr) part of its route. */
  consumer: string;
  topic: TTopic;
  handle(delivery: Delivery): Promise<DeliveryStatus>;
}

export interface ScheduledJob {
  /** Unique name: scheduling the same name again replaces the earlier job. */
  name: string;
  /** When to fire, an absolute instant (sent as UTC with an offset). */
  at: Date;
  payload: unknown;
}

export interface JobHandler {
  (job: { name: string; payload: unknown; attempt: number }): Promise<DeliveryStatus>;
}

export interface EventBus {
  /** Publishes in order; resolves only once the transport accepted every event, throws otherwise. */
  publish(topic: TTopic, events: readonly TCloudEvent[]): Promise<void>;
  /** Must be called before start(). */
  subscribe(subscription: Subscription): void;
  /** Must be called before start(). One handler receives every fired job. */
  onJob(handler: JobHandler): void;
  schedule(job: ScheduledJob): Promise<void>;
  /** Cancelling a job that does not exist (or already fired) is not an error. */
  cancel(name: string): Promise<void>;
  start(): Promise<void>;
  /** Stops taking new work and waits for in-flight handlers. */
  stop(): Promise<void>;
}
