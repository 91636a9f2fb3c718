// Test harness: a Dapr bus wired to a fresh sidecar double on free loopback ports.
import { setTimeout as sleep } from "node:timers/promises";
import pino from "pino";
import { freePort } from "@taskboard/db/ports";
import { createDaprBus, type DaprBus, type DaprBusOptions } from "../bus.ts";
import { startSidecarDouble, type SidecarDouble, type SidecarDoubleOptions } from "./sidecar-double/index.ts";

export const silentLogger = pino({ level: "silent" });

export interface Setup {
  bus: DaprBus;
  double: SidecarDouble;
  appPort: number;
  /** Another bus on the same app port and sidecar (a restarted process). */
  newBus(env?: Record<string, string>, options?: DaprBusOptions): DaprBus;
  cleanup(): Promise<void>;
}

export async function daprSetup(
  options: {
    double?: Omit<SidecarDoubleOptions, "appPort">;
    env?: Record<string, string>;
    bus?: DaprBusOptions;
  } = {},
): Promise<Setup> {
  const appPort = await freePort();
  const double = await startSidecarDouble({ appPort, ...options.double });
  const buses: DaprBus[] = [];
  const newBus = (env: Record<string, string> = {}, busOptions: DaprBusOptions = {}) => {
    const bus = createDaprBus(
      { ...double.env, DAPR_APP_PORT: String(appPort), DAPR_SIDECAR_WAIT_MS: "3000", ...options.env, ...env },
      { logger: silentLogger, ...options.bus, ...busOptions },
    );
    buses.push(bus);
    return bus;
  };
  return {
    bus: newBus(),
    double,
    appPort,
    newBus,
    async cleanup() {
      for (const bus of buses) await bus.stop().catch(() => undefined);
      await double.stop();
    },
  };
}

/** Waits until the double has nothing left to deliver (and nothing new turned up for a moment). */
export async function untilIdle(double: SidecarDouble, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietSince = 0;
  while (Date.now() < deadline) {
    if (double.isIdle()) {
      quietSince ||= Date.now();
      if (Date.now() - quietSince >= 60) return;
    } else quietSince = 0;
    await sleep(10);
  }
  throw new Error(`sidecar double still busy after ${timeoutMs} ms`);
}
