// The two products the scenarios run against: the default one (embedded transport) and one whose
// workers use the Dapr transport, talking to the sidecar double hosted in this process (no daprd
// runs on these machines; see docs/dapr.md). Scenarios are grouped by the transport they need.
import { reservePorts } from "@taskboard/db/ports";
import { startSidecarDouble, type SidecarDouble } from "@taskboard/workers/sidecar-double";
import { startChaosProduct, type ChaosProduct } from "./product.ts";
import { SCENARIOS, type ChaosSize, type ScenarioContext, type ScenarioKey } from "./scenarios.ts";

export interface ChaosEnvironment extends ScenarioContext {
  stop(): Promise<void>;
}

export async function startEnvironment(transport: "embedded" | "dapr", size: ChaosSize): Promise<ChaosEnvironment> {
  let double: SidecarDouble | undefined;
  let chaos: ChaosProduct;
  if (transport === "dapr") {
    const [appPort] = (await reservePorts(1)) as [number];
    double = await startSidecarDouble({
      appPort,
      // Like the resiliency policy in infra/dapr: a few retries before the dead-letter topic.
      resiliency: { maxRetries: 3, intervalMs: 500, policy: "exponential" },
      // The Jobs API of the Dapr version we pin (1.18), the workers' DAPR_JOBS_API_PREFIX default.
      jobsApiPrefixes: ["v1.0"],
    });
    chaos = await startChaosProduct({
      staleLockMs: size.staleLockMs,
      env: { EVENT_BUS: "dapr", DAPR_APP_PORT: String(appPort), ...double.env },
      taken: [appPort, double.port],
    }).catch(async (error: unknown) => {
      await double?.stop();
      throw error;
    });
  } else {
    chaos = await startChaosProduct({ staleLockMs: size.staleLockMs });
  }
  return {
    chaos,
    size,
    double,
    async stop() {
      await chaos.stop();
      await double?.stop();
    },
  };
}

export function scenariosOn(transport: "embedded" | "dapr", keys: readonly ScenarioKey[]): ScenarioKey[] {
  return keys.filter((key) => SCENARIOS[key].transport === transport);
}
