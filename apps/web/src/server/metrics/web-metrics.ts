// Prometheus metrics of the web app. They are served on their own internal port
// (WEB_METRICS_PORT, metrics-server.ts), never on the app port the Ingress routes to.
//
// Next.js bundles instrumentation (which starts the metrics server) and each route handler
// (which records) separately, so this module can be loaded more than once in one process. The
// metrics therefore live on globalThis under a Symbol.for key: every copy records into the one
// registry the server exposes.
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export interface WebMetrics {
  registry: Registry;
  /** tRPC calls by procedure, type and outcome code ("OK" or the TRPCError code). */
  trpcRequests: Counter<"procedure" | "type" | "code">;
  /** Time spent in a procedure (its middlewares, input validation and handler). */
  trpcDuration: Histogram<"procedure" | "type">;
  /** tRPC calls answered 503 because the database could not be reached. */
  databaseUnavailable: Counter;
}

const GLOBAL_KEY = Symbol.for("taskboard.web.metrics");

/** A fresh, unshared set of metrics (tests); the app uses getWebMetrics(). */
export function createWebMetrics(): WebMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    trpcRequests: new Counter({
      name: "taskboard_web_trpc_requests_total",
      help: "tRPC calls by procedure, type and outcome code (OK or the tRPC error code)",
      labelNames: ["procedure", "type", "code"],
      registers: [registry],
    }),
    trpcDuration: new Histogram({
      name: "taskboard_web_trpc_request_duration_seconds",
      help: "Time spent in a tRPC procedure (middlewares, input validation, handler), by procedure and type",
      labelNames: ["procedure", "type"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    databaseUnavailable: new Counter({
      name: "taskboard_web_database_unavailable_total",
      help: "tRPC calls answered 503 because PostgreSQL could not be reached",
      registers: [registry],
    }),
  };
}

/** The process-wide metrics, created on first use. */
export function getWebMetrics(): WebMetrics {
  const holder = globalThis as { [GLOBAL_KEY]?: WebMetrics };
  holder[GLOBAL_KEY] ??= createWebMetrics();
  return holder[GLOBAL_KEY];
}
