// The workers process: hosts the event consumers, the outbox relay, health and metrics.
import { startWorkers } from "./app.ts";
import { workersConfig } from "./config.ts";
import { consumers } from "./consumers/index.ts";
import { env } from "./env.ts";
import { logger } from "./logger.ts";
import { runUntilSignalled } from "./process.ts";

await runUntilSignalled(() => startWorkers(workersConfig(env), consumers, logger), {
  logger,
  shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
});
