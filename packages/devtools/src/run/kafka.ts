// A single-node Kafka 4 broker in KRaft mode (broker and controller in one JVM), from the jars
// `npm run tools` fetched. Its data folder survives stop/start, so a restart keeps topics,
// offsets and unconsumed messages, as a real broker restart would.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { locate } from "../locate.ts";
import { freePort } from "@taskboard/db/ports";
import { startManagedProcess, type ManagedProcess } from "./managed-process.ts";
import { tcpOpen } from "./probes.ts";

export interface KafkaBroker {
  /** `host:port` for clients (Dapr's `brokers`). */
  bootstrap: string;
  dataDir: string;
  process(): ManagedProcess;
  /** Stops the broker; `start()` brings it back on the same ports and data. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export interface KafkaOptions {
  dataDir: string;
  /** Partitions of auto-created topics: more than one so replicas of a consumer group share. */
  partitions?: number;
  /** Fixed ports for a restartable local run; free ones otherwise. */
  port?: number;
  controllerPort?: number;
}

const log4jConfig = `status = warn
appender.console.type = Console
appender.console.name = console
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.console.ref = console
logger.server.name = kafka.server.KafkaServer
logger.server.level = info
logger.kafka.name = kafka.Kafka
logger.kafka.level = info
`;

/**
 * Kafka's cluster id: 16 random bytes, base64url without padding, never starting with "-": the
 * storage tool would read such an id as an option ("argument --cluster-id/-t: expected one
 * argument"), which failed one start in 64. Kafka's own Uuid.randomUuid() skips those too.
 */
export function kafkaClusterId(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const id = random(16).toString("base64url");
    if (!id.startsWith("-")) return id;
  }
}

export async function startKafka(options: KafkaOptions): Promise<KafkaBroker> {
  const libs = locate("kafka");
  const java = locate("java");
  if (!libs || !java) throw new Error("Kafka is not installed: run `npm run tools`");
  fs.mkdirSync(options.dataDir, { recursive: true });
  const portsFile = path.join(options.dataDir, "ports.json");
  const saved = fs.existsSync(portsFile) ? (JSON.parse(fs.readFileSync(portsFile, "utf8")) as { port: number; controllerPort: number }) : undefined;
  const port = options.port ?? saved?.port ?? (await freePort());
  const controllerPort = options.controllerPort ?? saved?.controllerPort ?? (await freePort());
  fs.writeFileSync(portsFile, JSON.stringify({ port, controllerPort }));
  const logDirs = path.join(options.dataDir, "logs");
  const properties = path.join(options.dataDir, "server.properties");
  fs.writeFileSync(
    properties,
    [
      "process.roles=broker,controller",
      "node.id=1",
      `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
      `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
      "controller.listener.names=CONTROLLER",
      "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
      "inter.broker.listener.name=PLAINTEXT",
      `log.dirs=${logDirs}`,
      `num.partitions=${options.partitions ?? 4}`,
      // One node: the internal topics cannot have more replicas than brokers.
      "offsets.topic.replication.factor=1",
      "transaction.state.log.replication.factor=1",
      "transaction.state.log.min.isr=1",
      "share.coordinator.state.topic.replication.factor=1",
      "share.coordinator.state.topic.min.isr=1",
      // Tests start consumers and expect them to get partitions at once.
      "group.initial.rebalance.delay.ms=0",
      "auto.create.topics.enable=true",
    ].join("\n") + "\n",
  );
  const log4j = path.join(options.dataDir, "log4j2.properties");
  fs.writeFileSync(log4j, log4jConfig);
  const jvm = ["-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", `-Dlog4j2.configurationFile=${log4j}`, "-cp", `${libs}/*`];

  if (!fs.existsSync(path.join(logDirs, "meta.properties"))) {
    const clusterId = kafkaClusterId();
    const format = spawnSync(java, [...jvm, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", properties], { encoding: "utf8" });
    if (format.status !== 0) throw new Error(`formatting Kafka storage failed:\n${format.stdout}${format.stderr}`);
  }

  let current: ManagedProcess | undefined;
  const start = async () => {
    current = await startManagedProcess({
      name: "kafka",
      command: java,
      args: [...jvm, "kafka.Kafka", properties],
      logFile: path.join(options.dataDir, "kafka.log"),
      ready: () => tcpOpen(port),
      readyTimeoutMs: 90_000,
    });
  };
  await start();
  return {
    bootstrap: `127.0.0.1:${port}`,
    dataDir: options.dataDir,
    process: () => {
      if (!current) throw new Error("kafka not started");
      return current;
    },
    stop: async () => current?.stop(20_000),
    start,
  };
}
