// The two products the scenarios run against: the default one (embedded transport) and one whose
// workers use the Dapr transport with the real runtime beside them: a Kafka broker, the Dapr
// scheduler and a daprd sidecar (@taskboard/devtools, built by `npm run tools`), each of which a
// scenario may stop, kill or restart. Scenarios are grouped by the transport they need.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { reservePorts } from "@taskboard/db/ports";
import { missingDaprTools, startDaprStack, type Daprd, type DaprStack } from "@taskboard/devtools";
import { startChaosProduct, type ChaosProduct } from "./product.ts";
import { SCENARIOS, type ChaosSize, type DaprRuntime, type ScenarioContext, type ScenarioKey } from "./scenarios.ts";

export type Transport = "embedded" | "dapr";

export interface ChaosEnvironment extends ScenarioContext {
  /** Where to read what happened: the product's log, and the Dapr runtime's logs folder. */
  logs: string[];
  stop(): Promise<void>;
}

/** The `skipped: … not installed (npm run tools)` lines of what a transport needs and this machine lacks. */
export function missingFor(transport: Transport): string[] {
  return transport === "dapr" ? missingDaprTools("kafka") : [];
}

export async function startEnvironment(transport: Transport, size: ChaosSize): Promise<ChaosEnvironment> {
  if (transport === "embedded") {
    const chaos = await startChaosProduct({ staleLockMs: size.staleLockMs });
    return { chaos, size, logs: [chaos.logFile], stop: () => chaos.stop() };
  }
  // Two app ports: the product's workers and the second replica of the replicas scenario.
  const [appPort, secondAppPort] = (await reservePorts(2)) as [number, number];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "taskboard-chaos-dapr-"));
  const stack: DaprStack = await startDaprStack({ pubsub: "kafka", dataDir, keepData: true });
  let chaos: ChaosProduct | undefined;
  const stopRuntime = async () => {
    await stack.cleanup();
    // The logs stay for reading; the broker's and the scheduler's data go.
    for (const data of [path.join(dataDir, "kafka", "logs"), path.join(dataDir, "scheduler", "etcd")]) {
      if (data.startsWith(`${dataDir}${path.sep}`)) fs.rmSync(data, { recursive: true, force: true });
    }
  };
  try {
    // As in a pod: the sidecar starts beside the app and waits for its port.
    const sidecar: Daprd = await stack.sidecar({ appPort });
    chaos = await startChaosProduct({
      staleLockMs: size.staleLockMs,
      env: {
        EVENT_BUS: "dapr",
        // Topics of this run only: nothing of an earlier run on the same broker reaches it.
        DAPR_TOPIC_PREFIX: `chaos-${randomUUID().slice(0, 8)}.`,
        ...sidecar.env,
      },
      taken: [appPort, secondAppPort],
    });
    const started = chaos;
    const dapr: DaprRuntime = { stack, sidecar, secondAppPort };
    return {
      chaos: started,
      size,
      dapr,
      logs: [started.logFile, dataDir],
      async stop() {
        await started.stop();
        await stopRuntime();
      },
    };
  } catch (error) {
    await chaos?.stop();
    await stopRuntime();
    throw new Error(`${(error as Error).message}; Dapr runtime logs: ${dataDir}`, { cause: error });
  }
}

export function scenariosOn(transport: Transport, keys: readonly ScenarioKey[]): ScenarioKey[] {
  return keys.filter((key) => SCENARIOS[key].transport === transport);
}
