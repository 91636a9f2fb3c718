// The real Dapr runtime on this machine, for tests, benchmarks, fault scenarios and `npm run
// start:dapr`. One stack = a broker (Kafka
// in KRaft mode, or redis-server for Redis Streams), the Dapr scheduler and the resources folder
// rendered from the Helm chart; `sidecar()` starts a real daprd beside an app port, as the Dapr
// injector does in a pod. Built by `npm run tools`; `missingDaprTools()` says what is absent.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { missingTools } from "../locate.ts";
import { renderDaprResources } from "./dapr-resources.ts";
import { startDaprd, type Daprd } from "./daprd.ts";
import { startKafka, type KafkaBroker } from "./kafka.ts";
import { startRedis, type RedisServer } from "./redis.ts";
import { startScheduler, type DaprScheduler } from "./scheduler.ts";

export type PubsubKind = "kafka" | "redis";

/** The skip lines for the tools a stack of this kind needs; empty when all are installed. */
export function missingDaprTools(pubsub: PubsubKind): string[] {
  return missingTools(["daprd", "scheduler", "helm", ...(pubsub === "kafka" ? (["kafka", "java"] as const) : (["redis-server"] as const))]);
}

/** The app id the chart gives the workers: components are scoped to it, and it is the consumer group. */
export const WORKERS_APP_ID = "taskboard-workers";

export interface SidecarOptions {
  appPort: number;
  /** Scheduler jobs are kept per (namespace, app id): a fresh namespace isolates one test's jobs. */
  namespace?: string;
  appId?: string;
  /** Passed to daprd (DaprdOptions); `Daprd.env` then carries them for the app too. */
  apiToken?: string;
  appApiToken?: string;
}

export interface DaprStack {
  pubsub: PubsubKind;
  dataDir: string;
  scheduler: DaprScheduler;
  /** Stops and starts the broker (same ports and data): an outage, for fault tests. */
  broker: { stop(): Promise<void>; start(): Promise<void> };
  resourcesPath: string;
  sidecar(options: SidecarOptions): Promise<Daprd>;
  cleanup(): Promise<void>;
}

export async function startDaprStack(options: { pubsub: PubsubKind; dataDir?: string; keepData?: boolean }): Promise<DaprStack> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `taskboard-dapr-${options.pubsub}-`));
  const started: { stop(): Promise<void> }[] = [];
  try {
    let broker: DaprStack["broker"];
    let address: { kafkaBrokers?: string; redisHost?: string };
    if (options.pubsub === "kafka") {
      const kafka: KafkaBroker = await startKafka({ dataDir: path.join(dataDir, "kafka") });
      broker = { stop: () => kafka.stop(), start: () => kafka.start() };
      address = { kafkaBrokers: kafka.bootstrap };
    } else {
      let redis: RedisServer = await startRedis({ dataDir: path.join(dataDir, "redis") });
      const port = Number(redis.host.split(":")[1]);
      broker = {
        stop: () => redis.stop(),
        start: async () => {
          redis = await startRedis({ dataDir: path.join(dataDir, "redis"), port });
        },
      };
      address = { redisHost: redis.host };
    }
    started.push(broker);
    const scheduler = await startScheduler({ dataDir: path.join(dataDir, "scheduler") });
    started.push(scheduler);
    const resourcesPath = await renderDaprResources({ pubsub: options.pubsub, ...address, outDir: path.join(dataDir, "resources") });
    const sidecars: Daprd[] = [];
    return {
      pubsub: options.pubsub,
      dataDir,
      scheduler,
      broker,
      resourcesPath,
      async sidecar({ appPort, namespace, appId = WORKERS_APP_ID, apiToken, appApiToken }) {
        const daprd = await startDaprd({
          appId,
          appPort,
          resourcesPath,
          schedulerAddress: scheduler.address,
          logDir: path.join(dataDir, "logs"),
          logName: `daprd-${appPort}-${randomUUID().slice(0, 8)}.log`,
          namespace,
          apiToken,
          appApiToken,
        });
        sidecars.push(daprd);
        return daprd;
      },
      async cleanup() {
        for (const daprd of sidecars.splice(0)) await daprd.stop().catch(() => undefined);
        for (const part of started.reverse()) await part.stop().catch(() => undefined);
        if (!options.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const part of started.reverse()) await part.stop().catch(() => undefined);
    throw error;
  }
}
