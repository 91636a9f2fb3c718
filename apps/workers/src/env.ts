// The workers' configuration, validated once at start-up: a bad value stops the process with a
// message naming the variable.
import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";
import { daprEnvShape } from "./transports/dapr/config.ts";

const positiveInt = z.coerce.number().int().positive();

export const env = createEnv({
  server: {
    DATABASE_URL: z.url({ message: "DATABASE_URL must be a postgresql:// URL" }),
    EVENT_BUS: z
      .enum(["embedded", "dapr"], { message: 'EVENT_BUS must be "embedded" (default) or "dapr"' })
      .default("embedded"),
    /** Health, readiness and metrics. */
    WORKERS_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
    /** Embedded transport: retries after the first attempt, and the first delay (doubling). */
    EVENT_RETRY_MAX: z.coerce.number().int().min(0).max(20).default(3),
    EVENT_RETRY_INITIAL_DELAY_MS: positiveInt.default(1_000),
    /** Embedded transport: deliveries run at once by this process. */
    WORKER_CONCURRENCY: positiveInt.max(100).default(8),
    /** Embedded transport: a worker pool silent this long is presumed dead and its locks freed. */
    BUS_STALE_LOCK_MS: positiveInt.default(30_000),
    /** The outbox relay (only one replica publishes at a time; the others stand by). */
    RELAY_ENABLED: z.stringbool().default(true),
    RELAY_BATCH_SIZE: positiveInt.max(5_000).default(500),
    RELAY_POLL_INTERVAL_MS: positiveInt.default(1_000),
    /** Socket.IO (live updates) listens here; separate from WORKERS_PORT and the Dapr app port. */
    SOCKET_PORT: z.coerce.number().int().min(1).max(65535).default(3003),
    /**
     * Shared with the web app, which signs the socket tokens (realtime.token). Without it the
     * Socket.IO server and the sync consumer do not run (no anonymous sockets, ever).
     */
    REALTIME_TOKEN_SECRET: z.string().min(32, "REALTIME_TOKEN_SECRET must be at least 32 characters").optional(),
    /** Largest frame a browser may send; client messages are tiny. */
    SOCKET_MAX_FRAME_BYTES: positiveInt.max(1_048_576).default(16_384),
    /** The per-user change feed keeps this many hours; a tab offline longer reloads its lists. */
    REALTIME_FEED_RETENTION_HOURS: positiveInt.max(24 * 365).default(168),
    /**
     * OpenTelemetry: OTLP/HTTP collector base URL (spans go to <url>/v1/traces). Unset: tracing is
     * off (no-op tracer), though event traceparents are still passed through and logged.
     */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ message: "OTEL_EXPORTER_OTLP_ENDPOINT must be a URL, e.g. http://otel-collector:4318" }).optional(),
    ...daprEnvShape,
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});

export type WorkersEnv = typeof env;
