// The real workers process (same env validation, composition and shutdown as main.ts) running the
// probe consumer, so process-level tests (crash recovery) can count effects per event. The log
// consumer is left out: it has no effect to count and would only halve the throughput.
import { startWorkers } from "../start-workers.ts";
import { workersConfig } from "../workers-config.ts";
import { env } from "../env.ts";
import { logger } from "../logger.ts";
import { runUntilSignalled } from "../run-until-signalled.ts";
import { probeConsumer } from "./probe-consumer.ts";

await runUntilSignalled(() => startWorkers(workersConfig(env), [probeConsumer("probe")], logger), {
  logger,
  shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
});
