// The Dapr side of `npm run start:dapr`: a Kafka broker in KRaft mode (or redis-server with
// DAPR_PUBSUB=redis), the Dapr scheduler and one daprd beside the workers, all loading the
// resources the Helm chart renders. Their data lives under DATA_DIR/dapr, so a second start keeps
// topics, consumer offsets and scheduled jobs. The web app publishes nothing (the outbox relay runs
// in the workers), so it needs no sidecar.
import path from "node:path";
import { missingDaprTools, startDaprStack, WORKERS_APP_ID, type Daprd, type DaprStack, type PubsubKind } from "@taskboard/devtools";

export interface LocalDapr {
  /** What the workers need to reach their sidecar and be reached by it. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export function parsePubsubKind(value: string | undefined): PubsubKind {
  if (value === undefined || value === "" || value === "kafka") return "kafka";
  if (value === "redis") return "redis";
  throw new Error(`DAPR_PUBSUB must be "kafka" or "redis", got "${value}"`);
}

export async function startLocalDapr(options: { dataDir: string; pubsub: PubsubKind; appPort: number; log: (msg: string, extra?: Record<string, unknown>) => void }): Promise<LocalDapr> {
  const missing = missingDaprTools(options.pubsub);
  if (missing.length > 0) throw new Error(`${missing.map((line) => line.replace(/^skipped: /, "")).join("; ")}`);
  options.log(`starting ${options.pubsub === "kafka" ? "Kafka (KRaft)" : "redis-server"} and the Dapr scheduler`);
  const stack: DaprStack = await startDaprStack({ pubsub: options.pubsub, dataDir: path.join(options.dataDir, "dapr", options.pubsub), keepData: true });
  let sidecar: Daprd | undefined;
  try {
    sidecar = await stack.sidecar({ appPort: options.appPort, appId: WORKERS_APP_ID });
  } catch (error) {
    await stack.cleanup();
    throw error;
  }
  options.log("daprd ready beside the workers", { appId: WORKERS_APP_ID, httpPort: sidecar.httpPort, resources: stack.resourcesPath });
  return {
    env: { ...sidecar.env },
    async stop() {
      await sidecar?.stop();
      await stack.cleanup();
    },
  };
}
