// The workers process: hosts the event consumers, the outbox relay, health and metrics.
import { startWorkers } from "./start-workers.ts";
import { workersConfig } from "./workers-config.ts";
import { consumers } from "./consumers/index.ts";
import { env } from "./env.ts";
import { logger } from "./logger.ts";
import { runUntilSignalled } from "./run-until-signalled.ts";
import { startTracing } from "@taskboard/telemetry";

// Before anything starts a span; a no-op unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
const tracing = startTracing({ serviceName: "taskboard-workers", otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT });
if (tracing.enabled) logger.info({ otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT }, "tracing: exporting spans over OTLP");

await runUntilSignalled(
  async () => {
    const workers = await startWorkers(workersConfig(env), consumers, logger);
    return {
      async stop() {
        await workers.stop();
        // Last: the spans of the handlers that just finished are flushed too.
        await tracing.shutdown();
      },
    };
  },
  { logger, shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS },
);
