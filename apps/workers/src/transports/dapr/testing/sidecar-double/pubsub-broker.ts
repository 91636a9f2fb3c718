// The pub/sub half of the sidecar double: an in-memory broker with Kafka-like partitions and
// daprd's delivery rules for programmatic subscriptions
// (https://docs.dapr.io/reference/api/pubsub_api/, .../pubsub/pubsub-bulk/,
//  .../pubsub/pubsub-deadletter/, .../resiliency/policies/):
//   - one subscription per (pubsub, topic) for the app; duplicates are ignored with an error log
//   - order is kept per partition key; a message being retried blocks its partition
//   - app answers: 2xx + SUCCESS / no status / unparsable body = done; RETRY or an unknown status,
//     non-2xx or a network error = retry; DROP = dead-letter topic (when set); 404 = dropped
//   - retries follow the configured resiliency policy; without one, the first failure goes
//     straight to the dead-letter topic (docs/traps.md #7)
//   - while the app port refuses connections (app restarting) deliveries pause without using up
//     retries, as daprd does with app health checks enabled (dapr.io/enable-app-health-check)
//   - bulk subscriptions get `{ entries: [...] }` and answer `{ statuses: [...] }`; an entry
//     missing from the answer counts as RETRY
import { randomUUID } from "node:crypto";
import { postToApp, type AppResponse } from "./http-helpers.ts";

export interface ResiliencyPolicy {
  maxRetries: number;
  /** Constant: every retry waits this long; exponential: doubles each time. */
  intervalMs: number;
  policy?: "constant" | "exponential";
}

export interface StoredMessage {
  seq: number;
  topic: string;
  partitionKey: string | undefined;
  metadata: Record<string, string>;
  envelope: Record<string, unknown>;
}

export interface DiscoveredSubscription {
  pubsubname: string;
  topic: string;
  route: string;
  deadLetterTopic?: string;
  bulk?: { maxMessagesCount: number; maxAwaitDurationMs: number };
  metadata: Record<string, string>;
}

export type Outcome = "SUCCESS" | "RETRY" | "DROP" | "NOT_FOUND";

export interface DeliveryRecord {
  topic: string;
  route: string;
  eventId: unknown;
  attempt: number;
  bulk: boolean;
  outcome: Outcome;
}

export interface SettledRecord {
  topic: string;
  eventId: unknown;
  result: "delivered" | "dead-lettered" | "dropped";
  attempts: number;
}

interface Pending {
  message: StoredMessage;
  attempt: number;
}

interface Partition {
  queue: Pending[];
  busy: boolean;
  notBefore: number;
}

interface SubscriptionState {
  sub: DiscoveredSubscription;
  partitions: Map<string, Partition>;
  batchInFlight: boolean;
  batchTimer: NodeJS.Timeout | undefined;
  firstWaitingSince: number | undefined;
}

export interface AppGate {
  isOpen(): boolean;
  /** Report a refused connection: the gate closes until the app listens again. */
  refused(): void;
}

export interface BrokerOptions {
  appGate: AppGate;
  appBaseUrl: () => string;
  appHeaders: () => Record<string, string>;
  resiliency: ResiliencyPolicy | undefined;
  deliveryTimeoutMs: number;
  log: (message: string) => void;
}

export function createBroker(options: BrokerOptions) {
  const topics = new Map<string, StoredMessage[]>();
  const subscriptions: SubscriptionState[] = [];
  const deliveries: DeliveryRecord[] = [];
  const settled: SettledRecord[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let seq = 0;
  let inFlight = 0;
  let stopped = false;

  function later(fn: () => void, ms: number) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
    return timer;
  }

  function append(topic: string, envelope: Record<string, unknown>, partitionKey: string | undefined, metadata: Record<string, string>) {
    const message: StoredMessage = { seq: ++seq, topic, partitionKey, metadata, envelope };
    const log = topics.get(topic) ?? [];
    log.push(message);
    topics.set(topic, log);
    for (const state of subscriptions) {
      if (state.sub.topic === topic) enqueue(state, message);
    }
    return message;
  }

  function enqueue(state: SubscriptionState, message: StoredMessage) {
    // Without a key Kafka spreads messages over partitions: give each its own.
    const key = message.partitionKey ?? `no-key:${message.seq}`;
    const partition = state.partitions.get(key) ?? { queue: [], busy: false, notBefore: 0 };
    partition.queue.push({ message, attempt: 1 });
    state.partitions.set(key, partition);
    pump(state);
  }

  function addSubscription(sub: DiscoveredSubscription): boolean {
    // Within one /dapr/subscribe answer the first entry for a topic wins (re-reads skip known ones).
    if (subscriptions.some((s) => s.sub.pubsubname === sub.pubsubname && s.sub.topic === sub.topic)) {
      options.log(`duplicate subscription for ${sub.pubsubname}/${sub.topic} ignored (one per app id)`);
      return false;
    }
    const state: SubscriptionState = {
      sub,
      partitions: new Map(),
      batchInFlight: false,
      batchTimer: undefined,
      firstWaitingSince: undefined,
    };
    subscriptions.push(state);
    // A new consumer group reads the topic from the beginning here (initialOffset: oldest).
    for (const message of topics.get(sub.topic) ?? []) enqueue(state, message);
    return true;
  }

  function backoff(attempt: number): number {
    const policy = options.resiliency;
    if (!policy) return 0;
    return policy.policy === "exponential" ? policy.intervalMs * 2 ** (attempt - 1) : policy.intervalMs;
  }

  function settle(state: SubscriptionState, partition: Partition, pending: Pending, outcome: Outcome) {
    const { sub } = state;
    const remove = (result: SettledRecord["result"]) => {
      partition.queue.splice(partition.queue.indexOf(pending), 1);
      settled.push({ topic: sub.topic, eventId: pending.message.envelope.id, result, attempts: pending.attempt });
    };
    const deadLetter = () => {
      if (sub.deadLetterTopic) {
        remove("dead-lettered");
        append(sub.deadLetterTopic, pending.message.envelope, pending.message.partitionKey, pending.message.metadata);
      } else {
        remove("dropped");
        options.log(`message ${String(pending.message.envelope.id)} dropped: no deadLetterTopic`);
      }
    };
    if (outcome === "SUCCESS") return remove("delivered");
    if (outcome === "NOT_FOUND") return remove("dropped");
    if (outcome === "DROP") return deadLetter();
    const policy = options.resiliency;
    if (policy && pending.attempt <= policy.maxRetries) {
      partition.notBefore = Date.now() + backoff(pending.attempt);
      pending.attempt += 1;
      return;
    }
    deadLetter();
  }

  function pump(state: SubscriptionState) {
    if (stopped || !options.appGate.isOpen()) return;
    if (state.sub.bulk) return pumpBulk(state, state.sub.bulk);
    const now = Date.now();
    let wakeAt = Infinity;
    for (const partition of state.partitions.values()) {
      if (partition.busy || partition.queue.length === 0) continue;
      if (partition.notBefore > now) {
        wakeAt = Math.min(wakeAt, partition.notBefore);
        continue;
      }
      const pending = partition.queue[0];
      if (!pending) continue;
      partition.busy = true;
      inFlight += 1;
      void deliverOne(state, pending).then((outcome) => {
        inFlight -= 1;
        partition.busy = false;
        if (outcome) settle(state, partition, pending, outcome);
        pump(state);
      });
    }
    if (wakeAt !== Infinity) later(() => pump(state), wakeAt - now);
  }

  async function deliverOne(state: SubscriptionState, pending: Pending): Promise<Outcome | undefined> {
    const response = await postToApp(
      options.appBaseUrl() + state.sub.route,
      JSON.stringify(pending.message.envelope),
      { "content-type": "application/cloudevents+json", ...options.appHeaders() },
      options.deliveryTimeoutMs,
    );
    if (response.refused) {
      options.appGate.refused();
      return undefined;
    }
    const outcome = singleOutcome(response);
    deliveries.push({
      topic: state.sub.topic,
      route: state.sub.route,
      eventId: pending.message.envelope.id,
      attempt: pending.attempt,
      bulk: false,
      outcome,
    });
    return outcome;
  }

  function pumpBulk(state: SubscriptionState, bulk: NonNullable<DiscoveredSubscription["bulk"]>) {
    if (state.batchInFlight || state.batchTimer) return;
    const now = Date.now();
    const batch: { partition: Partition; pending: Pending }[] = [];
    let wakeAt = Infinity;
    for (const partition of state.partitions.values()) {
      if (partition.busy || partition.queue.length === 0) continue;
      if (partition.notBefore > now) {
        wakeAt = Math.min(wakeAt, partition.notBefore);
        continue;
      }
      for (const pending of partition.queue) {
        if (batch.length >= bulk.maxMessagesCount) break;
        batch.push({ partition, pending });
      }
    }
    if (batch.length === 0) {
      if (wakeAt !== Infinity) later(() => pump(state), wakeAt - now);
      return;
    }
    // Wait up to maxAwaitDurationMs for a fuller batch, as daprd's bulk subscriber does.
    state.firstWaitingSince ??= now;
    const waited = now - state.firstWaitingSince;
    if (batch.length < bulk.maxMessagesCount && waited < bulk.maxAwaitDurationMs) {
      state.batchTimer = later(() => {
        state.batchTimer = undefined;
        pump(state);
      }, bulk.maxAwaitDurationMs - waited);
      return;
    }
    state.firstWaitingSince = undefined;
    state.batchInFlight = true;
    const partitions = new Set(batch.map((b) => b.partition));
    for (const partition of partitions) partition.busy = true;
    inFlight += 1;
    void deliverBulk(state, batch).then(() => {
      inFlight -= 1;
      for (const partition of partitions) partition.busy = false;
      state.batchInFlight = false;
      pump(state);
    });
  }

  async function deliverBulk(state: SubscriptionState, batch: { partition: Partition; pending: Pending }[]) {
    const entries = batch.map(({ pending }) => ({
      entryId: randomUUID(),
      event: pending.message.envelope,
      contentType: "application/cloudevents+json",
      metadata: pending.message.metadata,
    }));
    const response = await postToApp(
      options.appBaseUrl() + state.sub.route,
      JSON.stringify({
        id: randomUUID(),
        entries,
        metadata: {},
        pubsubname: state.sub.pubsubname,
        topic: state.sub.topic,
        type: "com.dapr.event.sent.bulk",
      }),
      { "content-type": "application/json", ...options.appHeaders() },
      options.deliveryTimeoutMs,
    );
    if (response.refused) {
      options.appGate.refused();
      return;
    }
    const outcomes = bulkOutcomes(response, entries.map((e) => e.entryId));
    batch.forEach(({ partition, pending }, index) => {
      const outcome = outcomes[index] ?? "RETRY";
      deliveries.push({
        topic: state.sub.topic,
        route: state.sub.route,
        eventId: pending.message.envelope.id,
        attempt: pending.attempt,
        bulk: true,
        outcome,
      });
      settle(state, partition, pending, outcome);
    });
  }

  return {
    append,
    addSubscription,
    subscriptions: () => subscriptions.map((s) => s.sub),
    /** The app listens again: deliver what waited. */
    resume() {
      for (const state of subscriptions) pump(state);
    },
    messages: (topic: string) => [...(topics.get(topic) ?? [])],
    deliveries: () => [...deliveries],
    settled: () => [...settled],
    isIdle: () =>
      inFlight === 0 && subscriptions.every((s) => [...s.partitions.values()].every((p) => p.queue.length === 0)),
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

function parseStatus(value: unknown): "SUCCESS" | "RETRY" | "DROP" | undefined {
  return value === "SUCCESS" || value === "RETRY" || value === "DROP" ? value : undefined;
}

function singleOutcome(response: AppResponse): Outcome {
  if (response.status === 404) return "NOT_FOUND";
  if (response.status < 200 || response.status >= 300) return "RETRY";
  if (response.body.trim() === "") return "SUCCESS";
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    return "SUCCESS"; // daprd skips the status check when the body is not JSON
  }
  if (typeof parsed !== "object" || parsed === null || !("status" in parsed) || parsed.status === "") return "SUCCESS";
  return parseStatus(parsed.status) ?? "RETRY";
}

function bulkOutcomes(response: AppResponse, entryIds: string[]): Outcome[] {
  if (response.status === 404) return entryIds.map(() => "NOT_FOUND");
  if (response.status < 200 || response.status >= 300) return entryIds.map(() => "RETRY");
  let statuses: unknown;
  try {
    statuses = (JSON.parse(response.body) as { statuses?: unknown }).statuses;
  } catch {
    statuses = undefined;
  }
  const byId = new Map<string, Outcome>();
  if (Array.isArray(statuses)) {
    for (const entry of statuses as { entryId?: unknown; status?: unknown }[]) {
      if (typeof entry?.entryId === "string") byId.set(entry.entryId, parseStatus(entry.status) ?? "RETRY");
    }
  }
  return entryIds.map((id) => byId.get(id) ?? "RETRY");
}
