// One place for dead letters on the Dapr path. The bus records a consumer's own give-up (DROP, or
// RETRY past the declared retries) in the dead-letter store itself; when daprd gives up first (its
// resiliency policy allows fewer attempts than the bus was told, or the workers restarted mid-
// retry), daprd moves the event to `<topic>-dlq`, and the bus takes it from there into the same
// store, once per consumer of the topic. Real daprd + Kafka.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort } from "@taskboard/devtools";
import { TOPICS, type DeadLetter } from "@taskboard/events";
import { sampleEvent } from "@taskboard/events/contract";
import { expect, it } from "vitest";
import { createDaprBus } from "./bus.ts";
import { describeOnDapr, silentLogger } from "./testing/harness.ts";

describeOnDapr("dead letters on the Dapr path (real daprd + Kafka)", "kafka", (stack) => {

  it("stores an event daprd dead-lettered after its own retries, for every consumer of the topic", async () => {
    const namespace = `dlq-${randomUUID().slice(0, 8)}`;
    const sidecar = await stack().sidecar({ appPort: await freePort(), namespace });
    const letters: DeadLetter[] = [];
    const attempts = new Map<string, number>();
    // The bus believes in 20 retries; the chart's resiliency policy gives daprd 3.
    const bus = createDaprBus(
      { ...sidecar.env, DAPR_TOPIC_PREFIX: `${namespace}.` },
      {
        logger: silentLogger,
        retry: { maxRetries: 20, initialDelayMs: 100 },
        onDeadLetter: async (letter) => void letters.push(letter),
      },
    );
    bus.subscribe({
      consumer: "audit",
      topic: TOPICS.taskEvents,
      handle: async (delivery) => {
        const id = (delivery.event as { id: string }).id;
        attempts.set(id, (attempts.get(id) ?? 0) + 1);
        return "RETRY";
      },
    });
    bus.subscribe({ consumer: "recurrence", topic: TOPICS.taskEvents, handle: async () => "SUCCESS" });
    try {
      await bus.start();
      const poison = sampleEvent("task.created", "user-poison");
      await bus.publish(TOPICS.taskEvents, [poison]);
      const deadline = Date.now() + 60_000;
      while (letters.length < 2 && Date.now() < deadline) await sleep(100);
      expect(letters.map((l) => l.consumer).sort()).toEqual(["audit", "recurrence"]);
      expect(letters[0]).toMatchObject({ topic: TOPICS.taskEvents, event: { id: poison.id } });
      expect(letters[0]?.error).toMatch(/task-events-dlq after its own retries/);
      // daprd gave up long before the bus would have: 1 delivery + the policy's 3 retries.
      expect(attempts.get(poison.id)).toBe(4);
    } finally {
      await bus.stop();
      await sidecar.stop();
    }
  });
});
