// The workers' config for tests that run them in-process on the embedded transport against a test
// database: no HTTP port, short retries, the relay off. A test names only what it is about.
import type { BusConfig } from "../bus.ts";
import type { WorkersConfig } from "../start-workers.ts";

export interface EmbeddedWorkersOverrides extends Partial<Omit<WorkersConfig, "bus" | "relay">> {
  bus?: Partial<Omit<BusConfig, "kind" | "databaseUrl">>;
  relay?: Partial<WorkersConfig["relay"]>;
}

export function embeddedWorkersConfig(databaseUrl: string, overrides: EmbeddedWorkersOverrides = {}): WorkersConfig {
  const { bus, relay, ...rest } = overrides;
  return {
    port: 0,
    ...rest,
    bus: {
      kind: "embedded",
      databaseUrl,
      retry: { maxRetries: 1, initialDelayMs: 50 },
      concurrency: 4,
      staleLockMs: 30_000,
      daprSettings: {},
      ...bus,
    },
    relay: { enabled: false, batchSize: 100, pollIntervalMs: 200, ...relay },
  };
}
