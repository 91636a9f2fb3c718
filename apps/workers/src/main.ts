// The workers process: hosts the event consumers, the outbox relay, health and metrics.
import { consumers } from "./consumers/index.ts";
import { env } from "./env.ts";
import { logger } from "./logger.ts";
import { runUntilSignalled } from "./process.ts";
import { startWorkers } from "./app.ts";

await runUntilSignalled(
  () =>
    startWorkers(
      {
        bus: {
          kind: env.EVENT_BUS,
          databaseUrl: env.DATABASE_URL,
          retry: { maxRetries: env.EVENT_RETRY_MAX, initialDelayMs: env.EVENT_RETRY_INITIAL_DELAY_MS },
          concurrency: env.WORKER_CONCURRENCY,
          staleLockMs: env.BUS_STALE_LOCK_MS,
          daprSettings: env,
        },
        port: env.WORKERS_PORT,
        relay: {
          enabled: env.RELAY_ENABLED,
          batchSize: env.RELAY_BATCH_SIZE,
          pollIntervalMs: env.RELAY_POLL_INTERVAL_MS,
        },
      },
      consumers,
      logger,
    ),
  { logger, shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS },
);
