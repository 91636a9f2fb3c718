// The validated env, shaped as what startWorkers needs.
import type { WorkersConfig } from "./start-workers.ts";
import type { WorkersEnv } from "./env.ts";

export function workersConfig(env: WorkersEnv): WorkersConfig {
  return {
    bus: {
      kind: env.EVENT_BUS,
      databaseUrl: env.DATABASE_URL,
      retry: { maxRetries: env.EVENT_RETRY_MAX, initialDelayMs: env.EVENT_RETRY_INITIAL_DELAY_MS },
      concurrency: env.WORKER_CONCURRENCY,
      staleLockMs: env.BUS_STALE_LOCK_MS,
      daprSettings: env,
    },
    port: env.WORKERS_PORT,
    relay: { enabled: env.RELAY_ENABLED, batchSize: env.RELAY_BATCH_SIZE, pollIntervalMs: env.RELAY_POLL_INTERVAL_MS },
    realtime: env.REALTIME_TOKEN_SECRET
      ? {
          port: env.SOCKET_PORT,
          tokenSecret: env.REALTIME_TOKEN_SECRET,
          maxFrameBytes: env.SOCKET_MAX_FRAME_BYTES,
        }
      : undefined,
    feedRetentionHours: env.REALTIME_FEED_RETENTION_HOURS,
  };
}
