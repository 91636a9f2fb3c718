// The app callback server as daprd calls it: plain HTTP requests shaped like daprd 1.18's, no
// sidecar. What daprd then does with the answers is shown against the real daprd in
// dapr-bus.delivery.dapr.test.ts.
import { freePort } from "@taskboard/db/ports";
import {
  DEFAULT_RETRY_POLICY,
  TOPICS,
  type DeadLetter,
  type DeadLetterSink,
  type Delivery,
  type DeliveryStatus,
  type JobHandler,
  type TCloudEvent,
} from "@taskboard/events";
import { sampleEvent, sampleTask } from "@taskboard/events/contract";
import { afterEach, describe, expect, it } from "vitest";
import { createAppCallbackServer, type AppCallbackServer } from "./app-callback-server.ts";
import { parseDaprConfig } from "./config.ts";
import { createJobDispatcher } from "./job-dispatcher.ts";
import { silentLogger } from "./testing/harness.ts";
import { createTopicDispatcher } from "./topic-dispatcher.ts";
import { SOURCE_TRACEPARENT_ATTRIBUTE } from "./wire-format.ts";

type Handler = (delivery: Delivery) => Promise<DeliveryStatus>;

const servers: AppCallbackServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** The bus's callback server with these consumers on task-events and this job handler. */
async function callbackServer(
  options: { consumers?: Record<string, Handler>; onJob?: JobHandler; onDeadLetter?: DeadLetterSink; env?: Record<string, string> } = {},
) {
  const config = parseDaprConfig({ DAPR_APP_PORT: String(await freePort()), ...options.env });
  const subscriptions = Object.entries(options.consumers ?? {}).map(([consumer, handle]) => ({ consumer, topic: TOPICS.taskEvents, handle }));
  const dispatcher = createTopicDispatcher(TOPICS.taskEvents, subscriptions, {
    retry: DEFAULT_RETRY_POLICY,
    onDeadLetter: options.onDeadLetter,
    logger: silentLogger,
  });
  const server = createAppCallbackServer({
    config,
    topics: new Map([[TOPICS.taskEvents, dispatcher]]),
    jobs: createJobDispatcher(options.onJob, silentLogger),
    logger: silentLogger,
  });
  await server.listen();
  servers.push(server);
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`http://127.0.0.1:${server.port}${path}`, {
      method,
      headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return {
    get: (path: string, headers?: Record<string, string>) => call("GET", path, undefined, headers),
    post: (path: string, body: unknown, headers?: Record<string, string>) => call("POST", path, body, headers),
  };
}

/** The event as daprd 1.18 delivers what the publisher sent: its own attributes added, traceparent blanked. */
function asDelivered(event: TCloudEvent) {
  return {
    ...event,
    ...(event.traceparent ? { [SOURCE_TRACEPARENT_ATTRIBUTE]: event.traceparent } : {}),
    topic: "task-events",
    pubsubname: "taskboard-pubsub",
    traceid: "",
    traceparent: "",
    tracestate: "",
  };
}

const idOf = (delivery: Delivery) => (delivery.event as TCloudEvent).id;

describe("Dapr app callback server", () => {
  it("declares one subscription per topic, however many consumers, with its dead-letter topic and CloudEvents on", async () => {
    const app = await callbackServer({
      consumers: { audit: async () => "SUCCESS", sync: async () => "SUCCESS" },
      env: { DAPR_TOPIC_PREFIX: "ci-7." },
    });
    expect(await app.get("/dapr/subscribe")).toEqual({
      status: 200,
      body: [
        {
          pubsubname: "taskboard-pubsub",
          topic: "ci-7.task-events",
          routes: { default: "/events/task-events" },
          deadLetterTopic: "ci-7.task-events-dlq",
          metadata: { rawPayload: "false" },
        },
      ],
    });
  });

  it("asks for bulk deliveries with the configured limits when DAPR_BULK_SUBSCRIBE is on", async () => {
    const app = await callbackServer({
      consumers: { audit: async () => "SUCCESS" },
      env: { DAPR_BULK_SUBSCRIBE: "true", DAPR_BULK_MAX_MESSAGES: "20", DAPR_BULK_MAX_AWAIT_MS: "50" },
    });
    const [subscription] = (await app.get("/dapr/subscribe")).body as Record<string, unknown>[];
    expect(subscription?.bulkSubscribe).toEqual({ enabled: true, maxMessagesCount: 20, maxAwaitDurationMs: 50 });
  });

  it("hands every consumer the event as published and folds their answers: RETRY beats DROP beats SUCCESS", async () => {
    const answers = new Map<string, Record<string, DeliveryStatus>>();
    const received: unknown[] = [];
    const answer = (consumer: string): Handler => async (delivery) => {
      received.push(delivery.event);
      return answers.get(idOf(delivery))?.[consumer] ?? "SUCCESS";
    };
    const app = await callbackServer({ consumers: { audit: answer("audit"), sync: answer("sync") } });
    const cases: [Record<string, DeliveryStatus>, DeliveryStatus][] = [
      [{ audit: "SUCCESS", sync: "SUCCESS" }, "SUCCESS"],
      [{ audit: "DROP", sync: "SUCCESS" }, "DROP"],
      [{ audit: "RETRY", sync: "DROP" }, "RETRY"],
      [{ audit: "SUCCESS", sync: "RETRY" }, "RETRY"],
    ];
    for (const [byConsumer, folded] of cases) {
      const event = { ...sampleEvent("task.created", "user-a"), traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" };
      answers.set(event.id, byConsumer);
      received.length = 0;
      expect(await app.post("/events/task-events", asDelivered(event))).toEqual({ status: 200, body: { status: folded } });
      expect(received).toEqual([event, event]);
    }
  });

  it("answers RETRY, never SUCCESS, when a handler throws or answers no status; the next delivery is attempt 2", async () => {
    const attempts: number[] = [];
    const app = await callbackServer({
      consumers: {
        audit: async (delivery) => {
          attempts.push(delivery.attempt);
          if (delivery.attempt === 1) throw new Error("database restarting");
          return (delivery.attempt === 2 ? undefined : "SUCCESS") as DeliveryStatus;
        },
      },
    });
    const event = asDelivered(sampleEvent("task.created", "user-a"));
    expect((await app.post("/events/task-events", event)).body).toEqual({ status: "RETRY" });
    expect((await app.post("/events/task-events", event)).body).toEqual({ status: "RETRY" });
    expect((await app.post("/events/task-events", event)).body).toEqual({ status: "SUCCESS" });
    expect(attempts).toEqual([1, 2, 3]);
  });

  it("with a dead-letter sink, records a consumer's DROP there with its error and answers SUCCESS; RETRY when the sink fails", async () => {
    const letters: DeadLetter[] = [];
    let sinkDown = false;
    const app = await callbackServer({
      consumers: {
        audit: async (delivery) => {
          delivery.error = "unknown event type";
          return "DROP";
        },
        sync: async () => "SUCCESS",
      },
      onDeadLetter: async (letter) => {
        if (sinkDown) throw new Error("database down");
        letters.push(letter);
      },
    });
    const event = sampleEvent("task.created", "user-a");
    expect((await app.post("/events/task-events", asDelivered(event))).body).toEqual({ status: "SUCCESS" });
    expect(letters).toEqual([{ consumer: "audit", topic: TOPICS.taskEvents, event, attempts: 1, error: "unknown event type" }]);

    sinkDown = true;
    expect((await app.post("/events/task-events", asDelivered(sampleEvent("task.created", "user-a")))).body).toEqual({ status: "RETRY" });
  });

  describe("bulk deliveries", () => {
    const bulk = (events: TCloudEvent[]) => ({
      id: "a4b1c2d3",
      entries: events.map((event, index) => ({
        entryId: String(index),
        event: asDelivered(event),
        contentType: "application/cloudevents+json",
        metadata: { partitionKey: event.partitionkey },
      })),
      metadata: { pubsubName: "taskboard-pubsub" },
      pubsubname: "taskboard-pubsub",
      topic: "task-events",
      type: "com.dapr.event.sent.bulk",
    });

    it("answers a status per entry, in the entries' order", async () => {
      const app = await callbackServer({
        consumers: { audit: async (delivery) => ((delivery.event as TCloudEvent).type === "task.deleted" ? "DROP" : "SUCCESS") },
      });
      const events = [sampleEvent("task.created", "user-a"), sampleEvent("task.deleted", "user-b"), sampleEvent("task.created", "user-c")];
      expect(await app.post("/events/task-events", bulk(events))).toEqual({
        status: 200,
        body: {
          statuses: [
            { entryId: "0", status: "SUCCESS" },
            { entryId: "1", status: "DROP" },
            { entryId: "2", status: "SUCCESS" },
          ],
        },
      });
    });

    it("holds a user's later entries behind a retried one without running them; other users go on", async () => {
      const task = sampleTask("user-a");
      const first = sampleEvent("task.updated", "user-a", { ...task, version: 1 });
      const second = sampleEvent("task.updated", "user-a", { ...task, version: 2 });
      const other = sampleEvent("task.created", "user-b");
      const names = new Map([[first.id, "a1"], [second.id, "a2"], [other.id, "b1"]]);
      const order: string[] = [];
      const app = await callbackServer({
        consumers: {
          audit: async (delivery) => {
            order.push(`${names.get(idOf(delivery))}#${delivery.attempt}`);
            return idOf(delivery) === first.id && delivery.attempt === 1 ? "RETRY" : "SUCCESS";
          },
        },
      });
      const statuses = async (events: TCloudEvent[]) =>
        ((await app.post("/events/task-events", bulk(events))).body as { statuses: { status: string }[] }).statuses.map((s) => s.status);

      expect(await statuses([first, second, other])).toEqual(["RETRY", "RETRY", "SUCCESS"]);
      expect(order.sort()).toEqual(["a1#1", "b1#1"]);
      expect(await statuses([first, second])).toEqual(["SUCCESS", "SUCCESS"]);
      expect(order.slice(2)).toEqual(["a1#2", "a2#1"]);
    });
  });

  it("requires APP_API_TOKEN on every callback but daprd's health probe, which comes without it", async () => {
    const app = await callbackServer({
      consumers: { audit: async () => "SUCCESS" },
      onJob: async () => "SUCCESS",
      env: { APP_API_TOKEN: "app-s3cret" },
    });
    const event = asDelivered(sampleEvent("task.created", "user-a"));
    for (const token of [undefined, "wrong", "app-s3crex"]) {
      const headers: Record<string, string> = token ? { "dapr-api-token": token } : {};
      expect((await app.get("/dapr/subscribe", headers)).status).toBe(401);
      expect((await app.post("/events/task-events", event, headers)).status).toBe(401);
      expect((await app.post("/job/reminder:t1:1", {}, headers)).status).toBe(401);
    }
    const daprd = { "dapr-api-token": "app-s3cret" };
    expect((await app.get("/dapr/subscribe", daprd)).status).toBe(200);
    expect(await app.post("/events/task-events", event, daprd)).toEqual({ status: 200, body: { status: "SUCCESS" } });
    expect((await app.post("/job/reminder:t1:1", {}, daprd)).status).toBe(200);
    expect(await app.get("/healthz")).toEqual({ status: 200, body: { status: "ok" } });
  });

  it("answers a fired job 200 on SUCCESS or DROP and 500 on RETRY, a throw or no handler, so daprd fires it again", async () => {
    const calls: { name: string; payload: unknown; attempt: number }[] = [];
    const answers: Record<string, () => DeliveryStatus> = {
      done: () => "SUCCESS",
      poison: () => "DROP",
      later: () => "RETRY",
      broken: () => {
        throw new Error("database down");
      },
    };
    const app = await callbackServer({
      onJob: async (job) => {
        calls.push(job);
        return answers[job.name.split(":")[0] ?? ""]?.() ?? "SUCCESS";
      },
    });
    expect(await app.post("/job/done:1", { taskId: "t1" })).toEqual({ status: 200, body: { status: "SUCCESS" } });
    expect(await app.post("/job/poison:1", {})).toEqual({ status: 200, body: { status: "DROP" } });
    expect(await app.post("/job/later:1", {})).toEqual({ status: 500, body: { status: "RETRY" } });
    expect(await app.post("/job/broken:1", {})).toEqual({ status: 500, body: { status: "RETRY" } });
    expect((await app.post("/job/later:1", {})).status).toBe(500);
    expect(calls.map((c) => [c.name, c.attempt])).toEqual([
      ["done:1", 1],
      ["poison:1", 1],
      ["later:1", 1],
      ["broken:1", 1],
      ["later:1", 2],
    ]);
    expect(calls[0]?.payload).toEqual({ taskId: "t1" });

    const noHandler = await callbackServer();
    expect(await noHandler.post("/job/done:2", {})).toEqual({ status: 500, body: { status: "RETRY" } });
  });

  it("answers 404 to a topic it does not subscribe and to any other route", async () => {
    const app = await callbackServer({ consumers: { audit: async () => "SUCCESS" } });
    expect((await app.post("/events/reminders", asDelivered(sampleEvent("task.created", "user-a")))).status).toBe(404);
    expect((await app.get("/events/task-events")).status).toBe(404);
    expect((await app.get("/unknown")).status).toBe(404);
  });
});
