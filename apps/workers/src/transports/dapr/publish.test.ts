// Outbound: the relay's view of the Dapr transport.
import { sampleEvent, sampleTask, waitFor } from "@taskboard/events/contract";
import { InvalidEventError, TOPICS, type TCloudEvent } from "@taskboard/events";
import { CloudEvent } from "cloudevents";
import { afterEach, describe, expect, it } from "vitest";
import { DaprPublishError, EventTooLargeError, SidecarUnavailableError } from "./errors.ts";
import { daprSetup, untilIdle, type Setup } from "./testing/harness.ts";

let setup: Setup | undefined;
afterEach(async () => {
  await setup?.cleanup();
  setup = undefined;
});

async function started(options: Parameters<typeof daprSetup>[0] = {}) {
  setup = await daprSetup(options);
  const received: unknown[] = [];
  setup.bus.subscribe({
    consumer: "audit",
    topic: TOPICS.taskEvents,
    handle: async (delivery) => {
      received.push(delivery.event);
      return "SUCCESS";
    },
  });
  await setup.bus.start();
  return { ...setup, received };
}

describe("Dapr bus: publish", () => {
  it("delivers the CloudEvent intact and valid, as application/cloudevents+json, keyed by user (docs/traps.md #8)", async () => {
    const { bus, double, received } = await started();
    const event = { ...sampleEvent("task.created", "user-a"), traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" };
    await bus.publish(TOPICS.taskEvents, [event]);
    await waitFor("delivery", () => received.length === 1);

    expect(received[0]).toEqual(event);
    // The official SDK accepts it as a CloudEvent 1.0 (validates required attributes and names).
    const parsed = new CloudEvent(received[0] as Record<string, unknown>, true);
    expect(parsed.validate()).toBe(true);
    expect(parsed.partitionkey).toBe("user-a");

    const [request] = double.publishRequests;
    expect(request?.contentType).toBe("application/cloudevents+json");
    expect(request?.query["metadata.partitionKey"]).toBe("user-a");
    // daprd kept our envelope rather than wrapping it in a com.dapr.event.sent one.
    expect(double.messages(TOPICS.taskEvents)[0]?.envelope).toMatchObject({ id: event.id, type: "task.created" });
  });

  it("keeps each user's order and sends users in parallel", async () => {
    const { bus, double } = await started();
    const task = sampleTask("user-a");
    const events = [1, 2, 3, 4, 5].flatMap((version) => [
      sampleEvent("task.updated", "user-a", { ...task, version }),
      sampleEvent("task.created", `user-${version}`),
    ]);
    await bus.publish(TOPICS.taskEvents, events);
    const stored = double.messages(TOPICS.taskEvents).filter((m) => m.partitionKey === "user-a");
    expect(stored.map((m) => (m.envelope.data as { task: { version: number } }).task.version)).toEqual([1, 2, 3, 4, 5]);
    expect(double.messages(TOPICS.taskEvents)).toHaveLength(10);
  });

  it("throws when daprd answers 500 (HTTP publish never throws by itself, docs/traps.md #3)", async () => {
    const { bus, double } = await started();
    double.failPublishes({ times: 1, message: "kafka: client has run out of available brokers" });
    const first = sampleEvent("task.created", "user-a");
    const second = sampleEvent("task.updated", "user-a");
    const other = sampleEvent("task.created", "user-b");
    const error = await bus.publish(TOPICS.taskEvents, [first, second, other]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DaprPublishError);
    const failure = error as DaprPublishError;
    expect(failure.message).toMatch(/ERR_PUBSUB_PUBLISH_MESSAGE.*run out of available brokers/);
    // The failed user's later event was not sent ahead of the failed one; other users went on.
    const sentIds = double.messages(TOPICS.taskEvents).map((m) => m.envelope.id);
    expect(sentIds).not.toContain(second.id);
    expect(failure.failures.map((f) => f.partitionKey)).toEqual([sentIds.includes(first.id) ? "user-b" : "user-a"]);
    expect(new Set([...failure.publishedIds, ...failure.failures.map((f) => f.eventId)]).size).toBeGreaterThan(0);
  });

  it("throws when the sidecar is down after start, instead of reporting success", async () => {
    const { bus, double } = await started();
    await bus.publish(TOPICS.taskEvents, [sampleEvent("task.created", "user-a")]);
    double.setDown(true);
    await expect(bus.publish(TOPICS.taskEvents, [sampleEvent("task.created", "user-a")])).rejects.toBeInstanceOf(
      DaprPublishError,
    );
    double.setDown(false);
    await bus.publish(TOPICS.taskEvents, [sampleEvent("task.created", "user-a")]);
    expect(double.messages(TOPICS.taskEvents)).toHaveLength(2);
  });

  it("refuses an event over DAPR_MAX_EVENT_BYTES before sending anything (docs/traps.md #19)", async () => {
    const { bus, double } = await started({ env: { DAPR_MAX_EVENT_BYTES: "4096" } });
    const small = sampleEvent("task.created", "user-a");
    const big = sampleEvent("task.created", "user-a", sampleTask("user-a", { description: "x".repeat(5000) }));
    const error = await bus.publish(TOPICS.taskEvents, [small, big]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventTooLargeError);
    expect((error as Error).message).toMatch(new RegExp(`Event ${big.id} is \\d+ bytes, over the 4096-byte limit`));
    expect(double.publishRequests).toHaveLength(0);
  });

  it("refuses an event that is not a valid envelope, which daprd would silently complete", async () => {
    const { bus, double } = await started();
    const { partitionkey: _dropped, ...noKey } = sampleEvent("task.created", "user-a");
    await expect(bus.publish(TOPICS.taskEvents, [noKey as TCloudEvent])).rejects.toBeInstanceOf(InvalidEventError);
    expect(double.publishRequests).toHaveLength(0);
  });

  it("sends DAPR_API_TOKEN to a sidecar that requires it", async () => {
    const { bus, double } = await started({ double: { apiToken: "s3cret" }, env: { DAPR_API_TOKEN: "s3cret" } });
    await bus.publish(TOPICS.taskEvents, [sampleEvent("task.created", "user-a")]);
    await untilIdle(double);
    expect(double.messages(TOPICS.taskEvents)).toHaveLength(1);
  });

  it("start() waits for /v1.0/healthz/outbound, then fails with a clear error", async () => {
    setup = await daprSetup({ double: { componentsReady: false }, env: { DAPR_SIDECAR_WAIT_MS: "300" } });
    const error = await setup.bus.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SidecarUnavailableError);
    expect((error as Error).message).toMatch(/not ready after 300 ms \(GET \/v1.0\/healthz\/outbound: HTTP 500 ERR_HEALTH_NOT_READY/);

    const later = setup.newBus({ DAPR_SIDECAR_WAIT_MS: "5000" });
    setTimeout(() => setup?.double.setComponentsReady(true), 200);
    await expect(later.start()).resolves.toBeUndefined();
  });
});
