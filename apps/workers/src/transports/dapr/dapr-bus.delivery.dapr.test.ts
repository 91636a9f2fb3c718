// What the real daprd (over Kafka, with the chart's resiliency policy) does with the app
// callback's answers: redeliveries and their timing, the dead-letter topic, bulk deliveries, the
// app API token. The answers themselves are unit-tested in app-callback-server.test.ts. One Kafka
// stack for the file; every test runs its own pod (bus + daprd) in a fresh namespace and topic
// prefix, and reads the dead-letter topic back through a second subscription of that pod.
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { startDaprd, WORKERS_APP_ID } from "@taskboard/devtools";
import { TOPICS, type Delivery, type TCloudEvent } from "@taskboard/events";
import { sampleEvent, waitFor } from "@taskboard/events/contract";
import { afterEach, expect, it } from "vitest";
import { describeOnDapr, startPod, stopPods } from "./testing/harness.ts";

const idOf = (delivery: Delivery) => (delivery.event as TCloudEvent).id;
/** Long enough for a redelivery under the chart's policy (the first comes after 0.25-0.75 s). */
const QUIET_MS = 2_000;

describeOnDapr("Dapr bus delivery (real daprd + Kafka)", "kafka", (stack) => {
  afterEach(stopPods, 60_000);

  it("redelivers an event whose handler threw: the answer was RETRY, not SUCCESS", async () => {
    const attempts: number[] = [];
    const pod = await startPod(stack(), {
      consumers: {
        audit: async (delivery) => {
          attempts.push(delivery.attempt);
          if (delivery.attempt === 1) throw new Error("database restarting");
          return "SUCCESS";
        },
      },
      readDeadLetters: true,
    });
    await pod.bus.publish(TOPICS.taskEvents, [sampleEvent("task.created", "user-a")]);
    await waitFor("the redelivery", () => attempts.length === 2, 30_000);
    await sleep(QUIET_MS);
    expect(attempts).toEqual([1, 2]);
    expect(pod.deadLetters).toEqual([]);
  });

  it("puts a DROP on the topic's dead-letter topic at once, without calling the consumer again", async () => {
    let calls = 0;
    const pod = await startPod(stack(), { consumers: { audit: async () => (calls++, "DROP") }, readDeadLetters: true });
    // daprd took the app's one subscription of task-events, with its dead-letter topic.
    type Subscriptions = { topic: string; deadLetterTopic: string; rules: { path: string }[] }[];
    let subscriptions: Subscriptions = [];
    await waitFor("daprd to read /dapr/subscribe", async () => {
      const metadata = await fetch(`http://127.0.0.1:${pod.sidecar.httpPort}/v1.0/metadata`);
      subscriptions = ((await metadata.json()) as { subscriptions?: Subscriptions }).subscriptions ?? [];
      return subscriptions.length > 0;
    });
    expect(subscriptions.filter((s) => s.topic === `${pod.namespace}.task-events`)).toEqual([
      expect.objectContaining({ deadLetterTopic: `${pod.namespace}.task-events-dlq`, rules: [{ path: "/events/task-events" }] }),
    ]);

    const event = sampleEvent("task.deleted", "user-a");
    await pod.bus.publish(TOPICS.taskEvents, [event]);
    await waitFor("the dead letter", () => pod.deadLetters.length === 1, 30_000);
    await sleep(QUIET_MS);
    expect(calls).toBe(1);
    expect(pod.deadLetters).toEqual([event]);
  });

  it("retries a RETRY 3 times, waiting longer each time, then dead-letters it (the chart's policy)", async () => {
    const times: number[] = [];
    const pod = await startPod(stack(), { consumers: { audit: async () => (times.push(Date.now()), "RETRY") }, readDeadLetters: true });
    const event = sampleEvent("task.created", "user-a");
    await pod.bus.publish(TOPICS.taskEvents, [event]);
    await waitFor("the dead letter", () => pod.deadLetters.length === 1, 30_000);
    expect(pod.deadLetters).toEqual([event]);
    expect(times).toHaveLength(4);
    // Dapr's exponential back-off: 500 ms, then x1.5 each retry, each randomised by +-50%.
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
    gaps.forEach((gap, i) => {
      const nominal = 500 * 1.5 ** i;
      expect(gap).toBeGreaterThanOrEqual(nominal * 0.5 - 20);
      expect(gap).toBeLessThan(nominal * 1.5 + 1_000);
    });
  });

  it("without a retry policy, dead-letters the first RETRY: why infra/dapr declares one", async () => {
    // The chart's resources without its Resiliency resource.
    const resourcesPath = path.join(stack().dataDir, "resources-without-resiliency");
    fs.mkdirSync(resourcesPath, { recursive: true });
    for (const file of fs.readdirSync(stack().resourcesPath).filter((f) => f.endsWith(".yaml"))) {
      const text = fs.readFileSync(path.join(stack().resourcesPath, file), "utf8");
      if (!/^kind:\s*Resiliency\b/m.test(text)) fs.writeFileSync(path.join(resourcesPath, file), text);
    }
    const withoutPolicy = {
      sidecar: (options: { appPort: number; namespace?: string }) =>
        startDaprd({
          ...options,
          appId: WORKERS_APP_ID,
          resourcesPath,
          schedulerAddress: stack().scheduler.address,
          logDir: path.join(stack().dataDir, "logs"),
          logName: `daprd-no-resiliency-${options.appPort}.log`,
        }),
    };
    let calls = 0;
    const pod = await startPod(withoutPolicy, { consumers: { audit: async () => (calls++, "RETRY") }, readDeadLetters: true });
    await pod.bus.publish(TOPICS.taskEvents, [sampleEvent("task.created", "user-a")]);
    await waitFor("the dead letter", () => pod.deadLetters.length === 1, 30_000);
    await sleep(QUIET_MS);
    expect(calls).toBe(1);
  });

  it("does not run a consumer again when daprd redelivers for another consumer's sake", async () => {
    let auditCalls = 0;
    const syncAttempts: number[] = [];
    const pod = await startPod(stack(), {
      consumers: {
        audit: async () => (auditCalls++, "SUCCESS"),
        sync: async (delivery) => (syncAttempts.push(delivery.attempt), delivery.attempt < 3 ? "RETRY" : "SUCCESS"),
      },
    });
    await pod.bus.publish(TOPICS.taskEvents, [sampleEvent("task.created", "user-a")]);
    await waitFor("sync done", () => syncAttempts.length === 3, 30_000);
    await sleep(QUIET_MS);
    expect(syncAttempts).toEqual([1, 2, 3]);
    expect(auditCalls).toBe(1);
  });

  it("delivers with APP_API_TOKEN set on both sides (daprd's health probe comes without it)", async () => {
    const received: string[] = [];
    const pod = await startPod(stack(), {
      consumers: { audit: async (delivery) => (received.push(idOf(delivery)), "SUCCESS") },
      sidecar: { appApiToken: "app-s3cret" },
    });
    expect(pod.sidecar.env.APP_API_TOKEN).toBe("app-s3cret");
    const event = sampleEvent("task.created", "user-a");
    await pod.bus.publish(TOPICS.taskEvents, [event]);
    await waitFor("the delivery", () => received.length === 1, 30_000);
    expect(received).toEqual([event.id]);
  });

  it("with bulk subscribe, takes daprd's bulk deliveries and dead-letters the entry answered DROP", async () => {
    const seen: string[] = [];
    const pod = await startPod(stack(), {
      consumers: {
        audit: async (delivery) => {
          seen.push(idOf(delivery));
          return (delivery.event as TCloudEvent).type === "task.deleted" ? "DROP" : "SUCCESS";
        },
      },
      readDeadLetters: true,
      env: { DAPR_BULK_SUBSCRIBE: "true", DAPR_BULK_MAX_MESSAGES: "20", DAPR_BULK_MAX_AWAIT_MS: "200" },
    });
    const events = [sampleEvent("task.created", "user-a"), sampleEvent("task.deleted", "user-b"), sampleEvent("task.created", "user-c")];
    await pod.bus.publish(TOPICS.taskEvents, events);
    await waitFor("every entry and the dead letter", () => seen.length === 3 && pod.deadLetters.length === 1, 30_000);
    await sleep(QUIET_MS);
    expect(seen.sort()).toEqual(events.map((e) => e.id).sort());
    expect(pod.deadLetters).toEqual([events[1]]);
  });
});
