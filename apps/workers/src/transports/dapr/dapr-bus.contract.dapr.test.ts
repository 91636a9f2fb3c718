// The transport contract suite (packages/events) against the real Dapr runtime: daprd + Kafka and
// daprd + Redis Streams (the swap: same code, other component), with the scheduler for jobs. One
// broker and scheduler per pub/sub kind; every test gets its own topics (DAPR_TOPIC_PREFIX) and
// its own scheduler namespace, so nothing of an earlier test reaches it. A restart in the suite
// is a pod restart: the app and its sidecar.
import { freePort, type Daprd, type PubsubKind } from "@taskboard/devtools";
import { runEventBusContract } from "@taskboard/events/contract";
import { createDaprBus, type DaprBus } from "./bus.ts";
import { describeOnDapr, isolation, silentLogger } from "./testing/harness.ts";

for (const pubsub of ["kafka", "redis"] as const satisfies PubsubKind[]) {
  describeOnDapr(`real Dapr runtime, ${pubsub}`, pubsub, (stack) => {
    runEventBusContract(`daprd + ${pubsub}`, {
      // The chart's Redis Streams component runs one message at a time (concurrency 1) for order.
      independentPartitions: pubsub === "kafka",
      async setup() {
        const { namespace, topicPrefix } = isolation();
        const appPort = await freePort();
        let sidecar: Daprd | undefined;
        let bus: DaprBus | undefined;
        return {
          async createBus(options) {
            // A second bus models a restarted pod: the old app and sidecar go, new ones start.
            await bus?.stop();
            await sidecar?.stop();
            sidecar = await stack().sidecar({ appPort, namespace });
            bus = createDaprBus(
              { ...sidecar.env, DAPR_TOPIC_PREFIX: topicPrefix, DAPR_SIDECAR_WAIT_MS: "30000" },
              { logger: silentLogger, retry: options.retry, onDeadLetter: options.onDeadLetter },
            );
            return bus;
          },
          async teardown() {
            await bus?.stop().catch(() => undefined);
            await sidecar?.stop();
          },
        };
      },
    });
  });
}
