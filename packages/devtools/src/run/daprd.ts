// One self-hosted daprd sidecar beside one app process, as the Dapr injector runs it in a pod:
// the app id (also the Kafka consumer group), the app's callback port, the resources folder
// rendered from the Helm chart, and the scheduler for jobs. Every port is explicit and free (all
// of daprd's metrics ports default to 9090 and would collide).
import fs from "node:fs";
import path from "node:path";
import { locate } from "../locate.ts";
import { reservePorts } from "@taskboard/db/ports";
import { startManagedProcess, type ManagedProcess } from "./managed-process.ts";
import { httpOk } from "./probes.ts";

export interface DaprdOptions {
  appId: string;
  appPort: number;
  resourcesPath: string;
  schedulerAddress: string;
  logDir: string;
  /** The Configuration resource's name in resourcesPath, if any. */
  config?: string;
  httpPort?: number;
  grpcPort?: number;
  /** Name of the log file in logDir; several sidecars may share one logDir. */
  logName?: string;
  /** The namespace daprd believes it runs in (scheduler jobs are kept per namespace and app id). */
  namespace?: string;
  /** DAPR_API_TOKEN: daprd then refuses API calls without it as `dapr-api-token` (its health checks excepted). */
  apiToken?: string;
  /** APP_API_TOKEN: daprd sends it as `dapr-api-token` on every call to the app. */
  appApiToken?: string;
}

export interface Daprd {
  httpPort: number;
  grpcPort: number;
  metricsPort: number;
  /** What the app's `DAPR_*` settings need to reach this sidecar (and be reached by it). */
  env: { DAPR_HOST: string; DAPR_HTTP_PORT: string; DAPR_GRPC_PORT: string; DAPR_APP_PORT: string } & Partial<Record<TokenName, string>>;
  process(): ManagedProcess;
  stop(): Promise<void>;
  /** Starts again with the same ports, as Kubernetes restarts a crashed sidecar container. */
  start(): Promise<void>;
}

type TokenName = "DAPR_API_TOKEN" | "APP_API_TOKEN";

/** The tokens as daprd reads them from its environment, which is also how the app is told them. */
function tokenEnv(options: DaprdOptions): Partial<Record<TokenName, string>> {
  return {
    ...(options.apiToken ? { DAPR_API_TOKEN: options.apiToken } : {}),
    ...(options.appApiToken ? { APP_API_TOKEN: options.appApiToken } : {}),
  };
}

export async function startDaprd(options: DaprdOptions): Promise<Daprd> {
  const binary = locate("daprd");
  if (!binary) throw new Error("daprd is not installed: run `npm run tools`");
  fs.mkdirSync(options.logDir, { recursive: true });
  const [freeHttp, freeGrpc, internalGrpcPort, metricsPort] = (await reservePorts(4)) as [number, number, number, number];
  const httpPort = options.httpPort ?? freeHttp;
  const grpcPort = options.grpcPort ?? freeGrpc;
  const configFile = options.config ? writeConfigPointer(options) : undefined;
  let current: ManagedProcess | undefined;
  const start = async () => {
    current = await startManagedProcess({
      name: `daprd ${options.appId}`,
      command: binary,
      args: [
        "--mode", "standalone",
        "--app-id", options.appId,
        "--app-port", String(options.appPort),
        "--app-protocol", "http",
        "--app-channel-address", "127.0.0.1",
        "--dapr-http-port", String(httpPort),
        "--dapr-grpc-port", String(grpcPort),
        "--dapr-internal-grpc-port", String(internalGrpcPort),
        "--dapr-listen-addresses", "127.0.0.1",
        // Both default to every interface.
        "--dapr-internal-grpc-listen-address", "127.0.0.1",
        "--metrics-port", String(metricsPort),
        "--metrics-listen-address", "127.0.0.1",
        "--resources-path", options.resourcesPath,
        // As the chart's dapr.io/enable-app-health-check: while the app is down daprd pauses
        // its subscriptions instead of spending the retries of every event on a closed port.
        "--enable-app-health-check",
        "--app-health-check-path", "/healthz",
        "--app-health-probe-interval", "1",
        "--app-health-threshold", "2",
        "--scheduler-host-address", options.schedulerAddress,
        ...(configFile ? ["--config", configFile] : []),
        "--log-as-json",
      ],
      env: {
        DAPR_HOST_IP: "127.0.0.1",
        ...(options.namespace ? { NAMESPACE: options.namespace } : {}),
        // Empty unless asked for: a token in the caller's own environment would turn auth on unasked.
        DAPR_API_TOKEN: "",
        APP_API_TOKEN: "",
        ...tokenEnv(options),
      },
      logFile: path.join(options.logDir, options.logName ?? `daprd-${options.appId}.log`),
      // outbound: the sidecar's own components are up; it does not wait for the app.
      ready: () => httpOk(`http://127.0.0.1:${httpPort}/v1.0/healthz/outbound`),
      readyTimeoutMs: 60_000,
    });
  };
  await start();
  return {
    httpPort,
    grpcPort,
    metricsPort,
    env: {
      DAPR_HOST: "127.0.0.1",
      DAPR_HTTP_PORT: String(httpPort),
      DAPR_GRPC_PORT: String(grpcPort),
      DAPR_APP_PORT: String(options.appPort),
      ...tokenEnv(options),
    },
    process: () => {
      if (!current) throw new Error("daprd not started");
      return current;
    },
    stop: async () => current?.stop(),
    start,
  };
}

/**
 * Self-hosted daprd reads its Configuration from a file given by --config, not from the
 * resources folder: point it at the rendered resource of that name.
 */
function writeConfigPointer(options: DaprdOptions): string | undefined {
  for (const file of fs.readdirSync(options.resourcesPath)) {
    const text = fs.readFileSync(path.join(options.resourcesPath, file), "utf8");
    if (/^kind:\s*Configuration\b/m.test(text) && new RegExp(`^\\s+name:\\s*${options.config}\\s*$`, "m").test(text)) {
      return path.join(options.resourcesPath, file);
    }
  }
  return undefined;
}
