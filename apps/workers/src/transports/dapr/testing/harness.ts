// Test harness: a silent logger, and for the suites against the real Dapr runtime
// (*.dapr.test.ts) workers pods, each a Dapr bus with its own daprd in a fresh namespace.
import { randomUUID } from "node:crypto";
import pino from "pino";
import { freePort } from "@taskboard/db/ports";
import { missingDaprTools, startDaprStack, type Daprd, type DaprStack, type PubsubKind, type SidecarOptions } from "@taskboard/devtools";
import { afterAll, beforeAll, describe } from "vitest";
import { deadLetterTopic, TOPICS, type Delivery, type DeliveryStatus, type JobHandler, type TTopic } from "@taskboard/events";
import { createDaprBus, type DaprBus, type DaprBusOptions } from "../bus.ts";

export const silentLogger = pino({ level: "silent" });

/** A fresh namespace and topic prefix: no test sees another's events, subscriptions or jobs. */
export function isolation() {
  const namespace = `t-${randomUUID().slice(0, 8)}`;
  return { namespace, topicPrefix: `${namespace}.` };
}

/** One workers pod on the real Dapr runtime: a Dapr bus and its own daprd. */
export interface Pod {
  bus: DaprBus;
  sidecar: Daprd;
  namespace: string;
  appPort: number;
  /** What daprd put on task-events' dead-letter topic, as read back with `readDeadLetters`. */
  deadLetters: unknown[];
  stop(): Promise<void>;
}

export interface PodOptions {
  /** Consumers of task-events. */
  consumers?: Record<string, (delivery: Delivery) => Promise<DeliveryStatus>>;
  onJob?: JobHandler;
  /**
   * Also subscribe to task-events' dead-letter topic, through the same app and daprd, to see
   * what daprd dead-lettered (the bus itself never reads it).
   */
  readDeadLetters?: boolean;
  /** Settings over the sidecar's address, the namespace's topic prefix and a 30 s sidecar wait. */
  env?: Record<string, string>;
  bus?: DaprBusOptions;
  sidecar?: Pick<SidecarOptions, "apiToken" | "appApiToken">;
  /** The same namespace and app port as an earlier pod: that pod restarted. */
  restartOf?: Pick<Pod, "namespace" | "appPort">;
}

const pods = new Set<Pod>();

/** Starts a pod's daprd (from `stack`, or any other sidecar factory) and its bus. */
export async function startPod(stack: Pick<DaprStack, "sidecar">, options: PodOptions = {}): Promise<Pod> {
  const namespace = options.restartOf?.namespace ?? isolation().namespace;
  const appPort = options.restartOf?.appPort ?? (await freePort());
  const sidecar = await stack.sidecar({ appPort, namespace, ...options.sidecar });
  const bus = createDaprBus(
    { ...sidecar.env, DAPR_TOPIC_PREFIX: `${namespace}.`, DAPR_SIDECAR_WAIT_MS: "30000", ...options.env },
    { logger: silentLogger, ...options.bus },
  );
  const deadLetters: unknown[] = [];
  const pod: Pod = {
    bus,
    sidecar,
    namespace,
    appPort,
    deadLetters,
    async stop() {
      pods.delete(pod);
      await bus.stop().catch(() => undefined);
      await sidecar.stop();
    },
  };
  pods.add(pod);
  for (const [consumer, handle] of Object.entries(options.consumers ?? {})) bus.subscribe({ consumer, topic: TOPICS.taskEvents, handle });
  if (options.onJob) bus.onJob(options.onJob);
  if (options.readDeadLetters) {
    bus.subscribe({
      consumer: "dead-letter-reader",
      topic: deadLetterTopic(TOPICS.taskEvents) as string as TTopic,
      handle: async (delivery) => (deadLetters.push(delivery.event), "SUCCESS"),
    });
  }
  await bus.start();
  return pod;
}

/** Stops every pod still running (for afterEach). */
export async function stopPods(): Promise<void> {
  for (const pod of [...pods]) await pod.stop();
}

/**
 * A describe block on one real Dapr stack (broker + scheduler) started once for its tests; the
 * body reads it through `stack()`. Without the tools it prints each `skipped: <tool> not
 * installed (npm run tools)` line and the block is skipped, never passed.
 */
export function describeOnDapr(title: string, pubsub: PubsubKind, body: (stack: () => DaprStack) => void): void {
  const missing = missingDaprTools(pubsub);
  for (const line of missing) console.log(line);
  describe.skipIf(missing.length > 0)(title, () => {
    let started: DaprStack | undefined;
    beforeAll(async () => {
      started = await startDaprStack({ pubsub });
    }, 180_000);
    afterAll(async () => started?.cleanup(), 60_000);
    body(() => {
      if (!started) throw new Error("the Dapr stack did not start");
      return started;
    });
  });
}
