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
  /**
   * Set by a handler that answers RETRY or DROP: why, in words an operator can act on. The
   * transport copies it into the dead letter; transports that cannot carry it may ignore it.
   */
  error?: string;
}

export interface Subscription {
  /** Consumer name; also its idempotency scope and (under Dapr) part of its route. */
  consumer: string;
  topic: TTopic;
  handle(delivery: Delivery): Promise<DeliveryStatus>;
  /**
   * Optional. Consecutive deliveries of ONE partition key, in publish order, applied as one unit
   * (one transaction for the whole backlog instead of one per event). Resolves true when every one
   * was handled as if it had answered SUCCESS, false when none was: the transport then delivers
   * them one at a time through handle(), with the usual retries and dead letters. A transport may
   * never call it.
   */
  handleBatch?(deliveries: readonly Delivery[]): Promise<boolean>;
}

export interface ScheduledJob {
  /** Unique name: scheduling the same name again replaces the earlier job. */
  name: string;
  /** When to fire, an absolute instant (sent as UTC with an offset). */
  at: Date;
  payload: unknown;
  /**
   * Optional owner (the user): a transport may fire one owner's due jobs one at a time and hand
   * several of them to the batch job handler together. Jobs of different owners fire in parallel.
   */
  partitionKey?: string;
}

export interface JobHandler {
  (job: { name: string; payload: unknown; attempt: number }): Promise<DeliveryStatus>;
}

/**
 * Several due jobs of one partition key at once: true when every one was handled (as if each
 * answered SUCCESS), false when none was; the transport then runs them one by one through the
 * JobHandler, with its retries.
 */
export interface JobBatchHandler {
  (jobs: readonly { name: string; payload: unknown }[]): Promise<boolean>;
}

/** How a transport retries a delivery its handler answered RETRY to: 1 s, 2 s, 4 s by default. */
export interface RetryPolicy {
  /** Retries after the first attempt; the delivery is dead-lettered when they are used up. */
  maxRetries: number;
  /** Delay before the first retry; each later retry waits twice as long as the one before. */
  initialDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, initialDelayMs: 1_000 };

/** The delay before retry number `retry` (1-based) under `policy`. */
export function retryDelayMs(policy: RetryPolicy, retry: number): number {
  return policy.initialDelayMs * 2 ** (retry - 1);
}

/** An event one consumer gave up on: answered DROP, or RETRY after the last retry. */
export interface DeadLetter {
  consumer: string;
  topic: TTopic;
  /** The CloudEvent exactly as it was delivered (possibly malformed). */
  event: unknown;
  error: string;
  /** Deliveries made before giving up. */
  attempts: number;
}

/** Where a transport hands dead letters; must be idempotent per (consumer, event id). */
export type DeadLetterSink = (letter: DeadLetter) => Promise<void>;

export interface EventBus {
  /** Publishes in order; resolves only once the transport accepted every event, throws otherwise. */
  publish(topic: TTopic, events: readonly TCloudEvent[]): Promise<void>;
  /** Must be called before start(). */
  subscribe(subscription: Subscription): void;
  /**
   * Must be called before start(). One handler receives every fired job; the optional batch
   * handler may receive several due jobs of one partition key (a transport may never call it).
   */
  onJob(handler: JobHandler, batchHandler?: JobBatchHandler): void;
  schedule(job: ScheduledJob): Promise<void>;
  /** Cancelling a job that does not exist (or already fired) is not an error. */
  cancel(name: string): Promise<void>;
  start(): Promise<void>;
  /** Stops taking new work and waits for in-flight handlers. */
  stop(): Promise<void>;
}
