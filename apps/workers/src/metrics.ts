// Prometheus metrics of the workers (GET /metrics). One registry per running app, so tests can
// start several without clashing on prom-client's global registry.
import { getOutboxLag, type Db } from "@taskboard/db";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export interface Metrics {
  registry: Registry;
  eventsConsumed: Counter<"consumer" | "outcome">;
  eventsFailed: Counter<"consumer" | "verdict">;
  eventsDeadLettered: Counter<"consumer">;
  handlerSeconds: Histogram<"consumer">;
  relayPublished: Counter<"topic">;
  /** How long the bus took to accept each publish call of the relay (successful calls). */
  relayPublishSeconds: Histogram<"topic">;
  /** 1 while this replica's relay holds the leadership; the sum over replicas should be 1. */
  relayLeader: Gauge;
}

export function createMetrics(db: Db): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  // Outbox lag is read from the database on each scrape, so every replica reports the truth.
  let lag: Promise<Awaited<ReturnType<typeof getOutboxLag>>> | undefined;
  const readLag = () => (lag ??= getOutboxLag(db).finally(() => setTimeout(() => (lag = undefined), 0)));
  new Gauge({
    name: "taskboard_outbox_pending_events",
    help: "Outbox rows committed but not yet published",
    registers: [registry],
    async collect() {
      this.set((await readLag()).pending);
    },
  });
  new Gauge({
    name: "taskboard_outbox_oldest_pending_age_seconds",
    help: "Age of the oldest unpublished outbox row (0 when none)",
    registers: [registry],
    async collect() {
      this.set((await readLag()).oldestAgeSeconds);
    },
  });

  return {
    registry,
    eventsConsumed: new Counter({
      name: "taskboard_events_consumed_total",
      help: "Events a consumer handled successfully (outcome: applied, or duplicate skipped)",
      labelNames: ["consumer", "outcome"],
      registers: [registry],
    }),
    eventsFailed: new Counter({
      name: "taskboard_events_failed_total",
      help: "Failed deliveries by consumer and verdict (RETRY or DROP)",
      labelNames: ["consumer", "verdict"],
      registers: [registry],
    }),
    eventsDeadLettered: new Counter({
      name: "taskboard_events_dead_lettered_total",
      help: "Events moved to the dead-letter store",
      labelNames: ["consumer"],
      registers: [registry],
    }),
    handlerSeconds: new Histogram({
      name: "taskboard_event_handler_duration_seconds",
      help: "Time from delivery to commit of a consumer's handler",
      labelNames: ["consumer"],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    relayPublished: new Counter({
      name: "taskboard_outbox_relay_published_total",
      help: "Outbox events the relay handed to the bus",
      labelNames: ["topic"],
      registers: [registry],
    }),
    relayPublishSeconds: new Histogram({
      name: "taskboard_outbox_relay_publish_duration_seconds",
      help: "Time the bus took to accept one publish call of the relay (the consecutive events of one topic in a batch), successful calls only",
      labelNames: ["topic"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    relayLeader: new Gauge({
      name: "taskboard_outbox_relay_leader",
      help: "1 while this process's outbox relay holds the leadership (advisory lock), else 0",
      registers: [registry],
    }),
  };
}
