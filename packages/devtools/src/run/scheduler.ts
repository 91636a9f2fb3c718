// The Dapr scheduler (Jobs API backend) self-hosted, with its embedded etcd under `dataDir`, so a
// restart keeps the jobs. No sentry or mTLS: jobs and pub/sub need neither.
import fs from "node:fs";
import path from "node:path";
import { locate } from "../locate.ts";
import { freePort } from "@taskboard/db/ports";
import { startManagedProcess, type ManagedProcess } from "./managed-process.ts";
import { httpOk } from "./probes.ts";

export interface DaprScheduler {
  /** `host:port` for daprd's `--scheduler-host-address`. */
  address: string;
  process(): ManagedProcess;
  stop(): Promise<void>;
  start(): Promise<void>;
}

interface SchedulerPorts {
  port: number;
  healthz: number;
  metrics: number;
  etcdClient: number;
  etcdPeer: number;
}

export async function startScheduler(options: { dataDir: string; ports?: Partial<SchedulerPorts> }): Promise<DaprScheduler> {
  const binary = locate("scheduler");
  if (!binary) throw new Error("the Dapr scheduler is not installed: run `npm run tools`");
  fs.mkdirSync(options.dataDir, { recursive: true });
  const portsFile = path.join(options.dataDir, "ports.json");
  const saved = fs.existsSync(portsFile) ? (JSON.parse(fs.readFileSync(portsFile, "utf8")) as SchedulerPorts) : undefined;
  const ports: SchedulerPorts = {
    port: options.ports?.port ?? saved?.port ?? (await freePort()),
    healthz: options.ports?.healthz ?? saved?.healthz ?? (await freePort()),
    metrics: options.ports?.metrics ?? saved?.metrics ?? (await freePort()),
    etcdClient: options.ports?.etcdClient ?? saved?.etcdClient ?? (await freePort()),
    etcdPeer: options.ports?.etcdPeer ?? saved?.etcdPeer ?? (await freePort()),
  };
  fs.writeFileSync(portsFile, JSON.stringify(ports));
  // etcd refuses a data folder that others can read.
  const etcdDir = path.join(options.dataDir, "etcd");
  fs.mkdirSync(etcdDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(etcdDir, 0o700);
  const id = "taskboard-scheduler-0";
  let current: ManagedProcess | undefined;
  const start = async () => {
    current = await startManagedProcess({
      name: "dapr-scheduler",
      command: binary,
      args: [
        "--port", String(ports.port),
        "--listen-address", "127.0.0.1",
        "--healthz-port", String(ports.healthz),
        "--healthz-listen-address", "127.0.0.1",
        "--metrics-port", String(ports.metrics),
        // Defaults to every interface.
        "--metrics-listen-address", "127.0.0.1",
        "--id", id,
        "--etcd-data-dir", etcdDir,
        "--etcd-initial-cluster", `${id}=http://127.0.0.1:${ports.etcdPeer}`,
        "--etcd-client-port", String(ports.etcdClient),
        "--etcd-client-listen-address", "127.0.0.1",
        "--identity-directory-write", path.join(options.dataDir, "identity"),
        "--log-as-json",
      ],
      logFile: path.join(options.dataDir, "scheduler.log"),
      ready: () => httpOk(`http://127.0.0.1:${ports.healthz}/healthz`),
      readyTimeoutMs: 60_000,
    });
  };
  await start();
  return {
    address: `127.0.0.1:${ports.port}`,
    process: () => {
      if (!current) throw new Error("scheduler not started");
      return current;
    },
    stop: async () => current?.stop(),
    start,
  };
}
