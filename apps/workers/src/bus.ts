// The one place that picks the transport (EVENT_BUS). Everything else sees only EventBus.
import type { DeadLetterSink, EventBus, RetryPolicy } from "@taskboard/events";
import { createEmbeddedBus } from "./transports/embedded/index.ts";
import type { Logger } from "pino";
import { createDaprBus } from "./transports/dapr/bus.ts";
import { parseDaprConfig } from "./transports/dapr/config.ts";

export interface BusConfig {
  kind: "embedded" | "dapr";
  databaseUrl: string;
  retry: RetryPolicy;
  concurrency: number;
  staleLockMs: number;
  /** The raw settings the Dapr transport validates itself (DAPR_*). */
  daprSettings: Record<string, unknown>;
}

export interface BusDeps {
  log: Logger;
  onDeadLetter: DeadLetterSink;
  onFatal(error: unknown): void;
}

export function createBus(config: BusConfig, deps: BusDeps): EventBus {
  switch (config.kind) {
    case "embedded":
      return createEmbeddedBus({
        connectionString: config.databaseUrl,
        retry: config.retry,
        concurrency: config.concurrency,
        staleAfterMs: config.staleLockMs,
        onDeadLetter: deps.onDeadLetter,
        log: deps.log.child({ component: "embedded-bus" }),
        onFatal: deps.onFatal,
      });
    case "dapr":
      // daprd retries as infra/dapr's resiliency policy says; `retry` must mirror it so the bus
      // knows the last attempt and can record the dead letter (consumer + error) in our table.
      return createDaprBus(parseDaprConfig(config.daprSettings), {
        logger: deps.log.child({ component: "dapr-bus" }),
        retry: config.retry,
        onDeadLetter: deps.onDeadLetter,
      });
  }
}
