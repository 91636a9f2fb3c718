// Publishing through the real daprd over Kafka: what goes on the wire, what reaches a consumer,
// and how each failure of the sidecar or the broker reaches the relay as a thrown error (the
// SDK's HTTP publish never throws by itself). One Kafka stack for the file; every test
// has its own daprd in a fresh namespace and topic prefix.
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { type Daprd, freePort } from "@taskboard/devtools";
import { TOPICS, type Delivery, type TCloudEvent } from "@taskboard/events";
import { sampleEvent, waitFor } from "@taskboard/events/contract";
import { CloudEvent } from "cloudevents";
import { afterEach, expect, it } from "vitest";
import { createDaprBus, type DaprBus } from "./bus.ts";
import { DaprPublishError, SidecarUnavailableError } from "./errors.ts";
import { describeOnDapr, isolation, silentLogger, startPod, stopPods } from "./testing/harness.ts";

const TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

describeOnDapr("Dapr bus publish (real daprd + Kafka)", "kafka", (stack) => {

  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await stopPods();
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  }, 60_000);

  /** A bus that only publishes (never started), through `sidecar`. */
  function publisher(sidecar: Daprd, env: Record<string, string>): DaprBus {
    const bus = createDaprBus({ ...sidecar.env, DAPR_SIDECAR_WAIT_MS: "30000", ...env }, { logger: silentLogger });
    cleanups.push(() => bus.stop());
    return bus;
  }

  /** An app that is not our bus, subscribed to `topic` on the broker: it sees what daprd delivers. */
  async function recordingApp(topic: string) {
    const appPort = await freePort();
    const received: { headers: http.IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
    const server = http.createServer(async (req, res) => {
      let text = "";
      for await (const chunk of req) text += String(chunk);
      res.writeHead(200, { "content-type": "application/json" });
      if (req.url === "/dapr/subscribe") {
        return res.end(JSON.stringify([{ pubsubname: "taskboard-pubsub", topic, routes: { default: "/received" } }]));
      }
      if (req.url === "/received") received.push({ headers: req.headers, body: JSON.parse(text) as Record<string, unknown> });
      res.end(JSON.stringify({ status: "SUCCESS" }));
    });
    await new Promise<void>((resolve) => server.listen(appPort, "127.0.0.1", resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    return { appPort, received };
  }

  it("sends each event as application/cloudevents+json keyed by its user: daprd forwards our envelope", async () => {
    const { namespace, topicPrefix } = isolation();
    const app = await recordingApp(`${topicPrefix}task-events`);
    const sidecar = await stack().sidecar({ appPort: app.appPort, namespace });
    cleanups.push(() => sidecar.stop());
    const events = [
      { ...sampleEvent("task.created", "user-a"), traceparent: TRACEPARENT },
      sampleEvent("task.created", "user-b"),
      sampleEvent("task.updated", "user-a"),
    ];
    await publisher(sidecar, { DAPR_TOPIC_PREFIX: topicPrefix }).publish(TOPICS.taskEvents, events);
    await waitFor("the three events", () => app.received.length === 3, 30_000);

    for (const { headers, body } of app.received) {
      const sent = events.find((e) => e.id === body.id);
      // Our envelope, not daprd's com.dapr.event.sent wrapper, and the user's id as Kafka key.
      expect(headers["content-type"]).toBe("application/cloudevents+json");
      expect(headers.__key).toBe(sent?.partitionkey);
      const { traceparent: _ours, ...rest } = sent ?? {};
      expect(body).toMatchObject(rest);
    }
    const first = app.received.find((r) => r.body.id === events[0]?.id)?.body;
    // daprd replaced traceparent with its own; the publisher's copy survives for the consumer.
    expect(first?.traceparent).not.toBe(TRACEPARENT);
    expect(first?.sourcetraceparent).toBe(TRACEPARENT);
    const userA = app.received.filter((r) => r.body.partitionkey === "user-a").map((r) => r.body.id);
    expect(userA).toEqual([events[0]?.id, events[2]?.id]);
  });

  it("reaches the consumer exactly as published, traceparent included, as a valid CloudEvent", async () => {
    const received: Delivery[] = [];
    const pod = await startPod(stack(), { consumers: { audit: async (delivery) => (received.push(delivery), "SUCCESS") } });
    const event = { ...sampleEvent("task.created", "user-a"), traceparent: TRACEPARENT };
    await pod.bus.publish(TOPICS.taskEvents, [event]);
    await waitFor("the delivery", () => received.length === 1, 30_000);
    expect(received[0]).toEqual({ topic: TOPICS.taskEvents, event, attempt: 1 });
    const parsed = new CloudEvent(received[0]?.event as Record<string, unknown>, true);
    expect(parsed.validate()).toBe(true);
  });

  it("throws DaprPublishError with daprd's refusal; that user's later events are not sent, other users' are", async () => {
    // daprd refuses an event the chart's Kafka producer will not take (maxMessageBytes, 1 MB);
    // DAPR_MAX_EVENT_BYTES is raised to daprd's 4 MB so that ours lets it through.
    const { namespace, topicPrefix } = isolation();
    const app = await recordingApp(`${topicPrefix}task-events`);
    const sidecar = await stack().sidecar({ appPort: app.appPort, namespace });
    cleanups.push(() => sidecar.stop());
    const bus = publisher(sidecar, { DAPR_TOPIC_PREFIX: topicPrefix, DAPR_MAX_EVENT_BYTES: String(4 * 1024 * 1024) });
    // A valid envelope; the data's own schema is the consumers' business.
    const tooBig = { ...sampleEvent("task.created", "user-a"), data: { blob: "x".repeat(1_500_000) } } as TCloudEvent;
    const [a2, b1] = [sampleEvent("task.updated", "user-a"), sampleEvent("task.created", "user-b")];
    const error = await bus.publish(TOPICS.taskEvents, [tooBig, a2, b1]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DaprPublishError);
    const failure = error as DaprPublishError;
    expect(failure.message).toMatch(/HTTP 500 ERR_PUBSUB_PUBLISH_MESSAGE/);
    expect(failure.failures.map((f) => [f.partitionKey, f.eventId])).toEqual([["user-a", tooBig.id]]);
    expect(failure.publishedIds).toEqual([b1.id]);
    await waitFor("user-b's event", () => app.received.length === 1, 30_000);
    await sleep(2_000);
    // a2 was never sent: it would have overtaken the refused event.
    expect(app.received.map((r) => r.body.id)).toEqual([b1.id]);
  });

  it("throws DaprPublishError when daprd has no such pub/sub component", async () => {
    const sidecar = await stack().sidecar({ appPort: await freePort(), namespace: isolation().namespace });
    cleanups.push(() => sidecar.stop());
    const error = await publisher(sidecar, { DAPR_PUBSUB_NAME: "no-such-pubsub" })
      .publish(TOPICS.taskEvents, [sampleEvent("task.created", "user-a")])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DaprPublishError);
    expect((error as Error).message).toMatch(/HTTP 404 ERR_PUBSUB_NOT_FOUND: pubsub no-such-pubsub is not found/);
  });

  it("throws while the sidecar is down; what is published once it is back arrives after what came before", async () => {
    const seen: string[] = [];
    const pod = await startPod(stack(), {
      consumers: { audit: async (delivery) => (seen.push((delivery.event as TCloudEvent).id), "SUCCESS") },
    });
    const events = [1, 2, 3].map(() => sampleEvent("task.created", "user-a"));
    await pod.bus.publish(TOPICS.taskEvents, events.slice(0, 1));
    await waitFor("the first event", () => seen.length === 1, 30_000);

    await pod.sidecar.stop();
    await expect(pod.bus.publish(TOPICS.taskEvents, events.slice(1))).rejects.toBeInstanceOf(DaprPublishError);
    await pod.sidecar.start();
    await pod.bus.publish(TOPICS.taskEvents, events.slice(1));
    await waitFor("all three", () => seen.length === 3, 30_000);
    expect(seen).toEqual(events.map((e) => e.id));
  });

  it("sends DAPR_API_TOKEN to a sidecar that requires it", async () => {
    const received: string[] = [];
    const pod = await startPod(stack(), {
      consumers: { audit: async (delivery) => (received.push((delivery.event as TCloudEvent).id), "SUCCESS") },
      sidecar: { apiToken: "api-s3cret" },
    });
    expect((await fetch(`http://127.0.0.1:${pod.sidecar.httpPort}/v1.0/metadata`)).status).toBe(401);
    const event = sampleEvent("task.created", "user-a");
    await pod.bus.publish(TOPICS.taskEvents, [event]);
    await waitFor("the delivery", () => received.length === 1, 30_000);
    expect(received).toEqual([event.id]);
  });

  it("start() waits for daprd's /v1.0/healthz/outbound, and fails with a clear error when it never answers", async () => {
    const { namespace } = isolation();
    const appPort = await freePort();
    const sidecar = await stack().sidecar({ appPort, namespace });
    cleanups.push(() => sidecar.stop());

    sidecar.process().freeze();
    const frozen = createDaprBus({ ...sidecar.env, DAPR_SIDECAR_WAIT_MS: "1500" }, { logger: silentLogger });
    const before = Date.now();
    const error = await frozen.start().catch((e: unknown) => e);
    sidecar.process().thaw();
    expect(Date.now() - before).toBeGreaterThanOrEqual(1_500);
    expect(error).toBeInstanceOf(SidecarUnavailableError);
    expect((error as Error).message).toContain(
      `Dapr sidecar at http://127.0.0.1:${sidecar.httpPort} not ready after 1500 ms (GET /v1.0/healthz/outbound:`,
    );

    await sidecar.stop();
    const bus = createDaprBus({ ...sidecar.env, DAPR_SIDECAR_WAIT_MS: "60000" }, { logger: silentLogger });
    cleanups.push(() => bus.stop());
    let started = false;
    const starting = bus.start().then(() => (started = true));
    await sleep(1_500);
    expect(started).toBe(false);
    await sidecar.start();
    await starting;
    expect(started).toBe(true);
  });

  // Last: it stops the file's broker.
  it("throws when the broker is down: daprd answers 500 once its own publish retries are spent", async () => {
    const pod = await startPod(stack());
    await stack().broker.stop();
    try {
      const error = await pod.bus.publish(TOPICS.taskEvents, [sampleEvent("task.created", "user-a")]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DaprPublishError);
      expect((error as Error).message).toMatch(/HTTP 500 ERR_PUBSUB_PUBLISH_MESSAGE/);
    } finally {
      await stack().broker.start();
    }
  });
});
