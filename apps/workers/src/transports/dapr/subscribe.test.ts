// Inbound: daprd's view of our app callback, through the sidecar double.
import { deadLetterTopic, TOPICS, type DeadLetter, type Delivery, type DeliveryStatus } from "@taskboard/events";
import { sampleEvent, sampleTask, waitFor } from "@taskboard/events/contract";
import { afterEach, describe, expect, it } from "vitest";
import { daprSetup, untilIdle, type Setup } from "./testing/harness.ts";

let setup: Setup | undefined;
afterEach(async () => {
  await setup?.cleanup();
  setup = undefined;
});

type Handler = (delivery: Delivery) => Promise<DeliveryStatus>;

async function withConsumers(consumers: Record<string, Handler>, options: Parameters<typeof daprSetup>[0] = {}) {
  setup = await daprSetup(options);
  for (const [consumer, handle] of Object.entries(consumers)) {
    setup.bus.subscribe({ consumer, topic: TOPICS.taskEvents, handle });
  }
  await setup.bus.start();
  await setup.double.discovered();
  return setup;
}

const RESILIENCY = { maxRetries: 3, intervalMs: 20, policy: "exponential" as const };

describe("Dapr bus: app callback", () => {
  it("declares one programmatic subscription per topic, with its dead-letter topic and CloudEvents on", async () => {
    const { double, bus } = await withConsumers({ audit: async () => "SUCCESS", sync: async () => "SUCCESS" });
    const response = await fetch(`http://127.0.0.1:${bus.appPort}/dapr/subscribe`);
    expect(await response.json()).toEqual([
      {
        pubsubname: "taskboard-pubsub",
        topic: "task-events",
        routes: { default: "/events/task-events" },
        deadLetterTopic: "task-events-dlq",
        metadata: { rawPayload: "false" },
      },
    ]);
    expect(double.subscriptions()).toHaveLength(1);
    expect(double.logs.filter((l) => l.includes("duplicate"))).toEqual([]);
  });

  it("refuses subscribe() and onJob() after start(): daprd would never learn of them (docs/traps.md #2)", async () => {
    const { bus } = await withConsumers({ audit: async () => "SUCCESS" });
    expect(() => bus.subscribe({ consumer: "late", topic: TOPICS.reminders, handle: async () => "SUCCESS" })).toThrow(
      /must be called before start\(\)/,
    );
    expect(() => bus.onJob(async () => "SUCCESS")).toThrow(/must be called before start\(\)/);
  });

  it("answers RETRY, not SUCCESS, when a handler throws; the event comes back (docs/traps.md #1)", async () => {
    const attempts: number[] = [];
    const { bus, double } = await withConsumers(
      {
        audit: async (delivery) => {
          attempts.push(delivery.attempt);
          if (delivery.attempt === 1) throw new Error("database restarting");
          return "SUCCESS";
        },
      },
      { double: { resiliency: RESILIENCY } },
    );
    await bus.publish(TOPICS.taskEvents, [sampleEvent("task.created", "user-a")]);
    await waitFor("the redelivery", () => attempts.length === 2);
    await untilIdle(double);
    expect(attempts).toEqual([1, 2]);
    expect(double.deliveries().map((d) => d.outcome)).toEqual(["RETRY", "SUCCESS"]);
    expect(double.deadLetters(TOPICS.taskEvents)).toEqual([]);
  });

  it("treats a handler answering nothing as RETRY too", async () => {
    const { bus, double } = await withConsumers(
      { audit: (async () => undefined) as unknown as Handler },
      { double: { resiliency: { ...RESILIENCY, maxRetries: 1 } } },
    );
    await bus.publish(TOPICS.taskEvents, [sampleEvent("task.created", "user-a")]);
    await waitFor("dead letter", () => double.deadLetters(TOPICS.taskEvents).length === 1);
    expect(double.deliveries().map((d) => d.outcome)).toEqual(["RETRY", "RETRY"]);
  });

  it("DROP sends the event to the topic's dead-letter topic, once", async () => {
    let calls = 0;
    const { bus, double } = await withConsumers(
      { audit: async () => (calls++, "DROP") },
      { double: { resiliency: RESILIENCY } },
    );
    const event = sampleEvent("task.deleted", "user-a");
    await bus.publish(TOPICS.taskEvents, [event]);
    await waitFor("dead letter", () => double.deadLetters(TOPICS.taskEvents).length === 1);
    await untilIdle(double);
    expect(calls).toBe(1);
    expect(double.deadLetters(TOPICS.taskEvents)[0]?.envelope).toMatchObject({ id: event.id, partitionkey: "user-a" });
    expect(deadLetterTopic(TOPICS.taskEvents)).toBe("task-events-dlq");
  });

  it("relies on the declared retry policy: without one, the first RETRY is dead-lettered (docs/traps.md #7)", async () => {
    const { bus, double } = await withConsumers({ audit: async () => "RETRY" });
    await bus.publish(TOPICS.taskEvents, [sampleEvent("task.created", "user-a")]);
    await waitFor("dead letter", () => double.deadLetters(TOPICS.taskEvents).length === 1);
    expect(double.deliveries()).toHaveLength(1);
  });

  it("with the declared policy, retries with growing waits, then dead-letters (docs/traps.md #7)", async () => {
    const times: number[] = [];
    const { bus, double } = await withConsumers(
      { audit: async () => (times.push(Date.now()), "RETRY") },
      { double: { resiliency: { maxRetries: 3, intervalMs: 40, policy: "exponential" } } },
    );
    await bus.publish(TOPICS.taskEvents, [sampleEvent("task.created", "user-a")]);
    await waitFor("dead letter", () => double.deadLetters(TOPICS.taskEvents).length === 1);
    expect(times).toHaveLength(4);
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(40 * 2 ** i - 5));
  });

  it("records a consumer's dead letter with its error in the sink instead, and answers SUCCESS", async () => {
    const letters: DeadLetter[] = [];
    const { bus, double } = await withConsumers(
      {
        audit: async (delivery) => {
          delivery.error = "unknown event type";
          return "DROP";
        },
        sync: async () => "SUCCESS",
      },
      { double: { resiliency: RESILIENCY }, bus: { onDeadLetter: async (letter) => void letters.push(letter) } },
    );
    const event = sampleEvent("task.created", "user-a");
    await bus.publish(TOPICS.taskEvents, [event]);
    await waitFor("the letter", () => letters.length === 1);
    await untilIdle(double);
    expect(letters).toEqual([{ consumer: "audit", topic: TOPICS.taskEvents, event, attempts: 1, error: "unknown event type" }]);
    expect(double.deadLetters(TOPICS.taskEvents)).toEqual([]);
    expect(double.deliveries().map((d) => d.outcome)).toEqual(["SUCCESS"]);
  });

  it("does not run a consumer again when daprd redelivers for another consumer's sake", async () => {
    let auditCalls = 0;
    const syncAttempts: number[] = [];
    const { bus, double } = await withConsumers(
      {
        audit: async () => (auditCalls++, "SUCCESS"),
        sync: async (delivery) => (syncAttempts.push(delivery.attempt), delivery.attempt < 3 ? "RETRY" : "SUCCESS"),
      },
      { double: { resiliency: RESILIENCY } },
    );
    await bus.publish(TOPICS.taskEvents, [sampleEvent("task.created", "user-a")]);
    await waitFor("sync done", () => syncAttempts.length === 3);
    await untilIdle(double);
    expect(auditCalls).toBe(1);
    expect(syncAttempts).toEqual([1, 2, 3]);
  });

  it("checks APP_API_TOKEN on every callback", async () => {
    const received: unknown[] = [];
    const { bus, double } = await withConsumers(
      { audit: async (d) => (received.push(d.event), "SUCCESS") },
      { double: { appApiToken: "app-s3cret" }, env: { APP_API_TOKEN: "app-s3cret" } },
    );
    await bus.publish(TOPICS.taskEvents, [sampleEvent("task.created", "user-a")]);
    await waitFor("delivery", () => received.length === 1);
    const anonymous = await fetch(`http://127.0.0.1:${bus.appPort}/dapr/subscribe`);
    expect(anonymous.status).toBe(401);
    const forged = await fetch(`http://127.0.0.1:${bus.appPort}/job/x`, { method: "POST", body: "{}" });
    expect(forged.status).toBe(401);
    expect(double.subscriptions()).toHaveLength(1);
  });

  describe("bulk subscribe", () => {
    const bulkEnv = { DAPR_BULK_SUBSCRIBE: "true", DAPR_BULK_MAX_MESSAGES: "20", DAPR_BULK_MAX_AWAIT_MS: "50" };

    it("asks for bulk delivery and answers a status per entry", async () => {
      const seen: string[] = [];
      const { bus, double } = await withConsumers(
        {
          audit: async (d) => {
            const event = d.event as { id: string; type: string };
            seen.push(event.id);
            return event.type === "task.deleted" ? "DROP" : "SUCCESS";
          },
        },
        { env: bulkEnv, double: { resiliency: RESILIENCY } },
      );
      expect(double.subscriptions()[0]?.bulk).toEqual({ maxMessagesCount: 20, maxAwaitDurationMs: 50 });
      const events = [
        sampleEvent("task.created", "user-a"),
        sampleEvent("task.deleted", "user-b"),
        sampleEvent("task.created", "user-c"),
      ];
      await bus.publish(TOPICS.taskEvents, events);
      await waitFor("all entries", () => seen.length === 3);
      await untilIdle(double);
      expect(double.deliveries().every((d) => d.bulk)).toBe(true);
      expect(double.deliveries().map((d) => d.outcome).sort()).toEqual(["DROP", "SUCCESS", "SUCCESS"]);
      expect(double.deadLetters(TOPICS.taskEvents).map((m) => m.envelope.id)).toEqual([events[1]?.id]);
    });

    it("holds a user's later entries behind a retried one, so order survives the batch", async () => {
      const order: string[] = [];
      const task = sampleTask("user-a");
      const first = sampleEvent("task.updated", "user-a", { ...task, version: 1 });
      const second = sampleEvent("task.updated", "user-a", { ...task, version: 2 });
      const { bus } = await withConsumers(
        {
          audit: async (d) => {
            const event = d.event as { id: string };
            order.push(`${event.id === first.id ? "v1" : "v2"}#${d.attempt}`);
            return event.id === first.id && d.attempt < 2 ? "RETRY" : "SUCCESS";
          },
        },
        { env: bulkEnv, double: { resiliency: RESILIENCY } },
      );
      await bus.publish(TOPICS.taskEvents, [first, second]);
      await waitFor("both", () => order.includes("v2#1"));
      expect(order).toEqual(["v1#1", "v1#2", "v2#1"]);
    });
  });

  it("refuses publishes while the sidecar is down; what is published once it is back arrives after what came before", async () => {
    const seen: string[] = [];
    const { bus, double } = await withConsumers({
      audit: async (delivery) => {
        seen.push((delivery.event as { id: string }).id);
        return "SUCCESS";
      },
    });
    const events = [1, 2, 3].map(() => sampleEvent("task.created", "user-a"));
    await bus.publish(TOPICS.taskEvents, events.slice(0, 1));
    await untilIdle(double);
    double.setDown(true);
    await expect(bus.publish(TOPICS.taskEvents, events.slice(1))).rejects.toThrow();
    expect(seen).toEqual([events[0]?.id]);
    double.setDown(false);
    await bus.publish(TOPICS.taskEvents, events.slice(1));
    await untilIdle(double);
    expect(seen).toEqual(events.map((e) => e.id));
  });
});
