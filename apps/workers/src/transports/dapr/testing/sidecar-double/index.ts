// A test double of the Dapr sidecar (daprd) over HTTP, in-process, built from Dapr's documented
// API because no daprd runs on these machines. It is a stand-in for the runtime, not a mock of
// our code: it knows nothing about the bus beyond what daprd would see on the wire.
// Sources:
//   https://docs.dapr.io/reference/api/pubsub_api/
//   https://docs.dapr.io/developing-applications/building-blocks/pubsub/pubsub-cloudevents/
//   https://docs.dapr.io/developing-applications/building-blocks/pubsub/pubsub-bulk/
//   https://docs.dapr.io/developing-applications/building-blocks/pubsub/pubsub-deadletter/
//   https://docs.dapr.io/operations/resiliency/policies/
//   https://docs.dapr.io/reference/api/jobs_api/
//   https://docs.dapr.io/developing-applications/building-blocks/jobs/jobs-features-concepts/
//   https://docs.dapr.io/reference/api/health_api/
//   https://docs.dapr.io/reference/api/metadata_api/
//   https://docs.dapr.io/operations/security/api-token/ and .../security/app-api-token/
//   https://docs.dapr.io/reference/arguments-annotations-overview/ (dapr-http-max-request-size)
//   https://github.com/dapr/dapr/blob/master/pkg/channel/http/http_channel.go (job callback shape)
// Not modelled: gRPC, bulk publish, declarative subscriptions, routing rules, cron/repeating jobs.
import http from "node:http";
import net from "node:net";
import { toEnvelope } from "./cloudevent-envelope.ts";
import { readBody, sendDaprError, sendEmpty, sendJson, sendRouterNotFound } from "./http-helpers.ts";
import { createJobsScheduler } from "./jobs-scheduler.ts";
import { createBroker, type DiscoveredSubscription, type ResiliencyPolicy } from "./pubsub-broker.ts";

export type { DeliveryRecord, ResiliencyPolicy, SettledRecord, StoredMessage } from "./pubsub-broker.ts";
export type { JobTrigger, StoredJob } from "./jobs-scheduler.ts";

export interface SidecarDoubleOptions {
  /** Where the app serves its callback (DAPR_APP_PORT). */
  appPort: number;
  appHost?: string;
  appId?: string;
  /** Pub/sub components that exist; publishing to another name is an error. */
  pubsubNames?: string[];
  /** Inbound retry policy for the pub/sub component; undefined = none declared. */
  resiliency?: ResiliencyPolicy;
  /** Jobs API path prefixes this daprd version serves. */
  jobsApiPrefixes?: ("v1.0-alpha1" | "v1.0")[];
  jobFailurePolicy?: { maxRetries: number; intervalMs: number };
  schedulerUtcOffsetMinutes?: number;
  /** DAPR_API_TOKEN the sidecar requires from the app. */
  apiToken?: string;
  /** APP_API_TOKEN the sidecar sends to the app. */
  appApiToken?: string;
  /** --dapr-http-max-request-size, 4 MB by default. */
  maxRequestBytes?: number;
  /** Components still initialising: /v1.0/healthz/outbound answers 500 until set ready. */
  componentsReady?: boolean;
}

export interface PublishFailureMode {
  /** How many next publish calls fail; Infinity for all. */
  times: number;
  message?: string;
}

export async function startSidecarDouble(options: SidecarDoubleOptions) {
  const appHost = options.appHost ?? "127.0.0.1";
  const appId = options.appId ?? "workers";
  const pubsubNames = options.pubsubNames ?? ["taskboard-pubsub"];
  const jobsPrefixes = options.jobsApiPrefixes ?? ["v1.0-alpha1"];
  const maxRequestBytes = options.maxRequestBytes ?? 4 * 1024 * 1024;
  const logs: string[] = [];
  const log = (message: string) => logs.push(message);
  const appBaseUrl = () => `http://${appHost}:${options.appPort}`;
  const appHeaders = (): Record<string, string> =>
    options.appApiToken ? { "dapr-api-token": options.appApiToken } : {};

  // Closed while the app port refuses connections; reopened (and subscriptions re-read) when it
  // listens again, like daprd with app health checks enabled.
  let gateOpen = true;
  let down = false;
  let reopening: Promise<void> | undefined;
  const appGate = {
    // A sidecar that is down delivers nothing either (it is the one that would deliver).
    isOpen: () => gateOpen && !down,
    refused() {
      if (!gateOpen || stopped) return;
      gateOpen = false;
      reopening = (async () => {
        while (!stopped && !(await portOpen(appHost, options.appPort))) await sleep(25);
        if (stopped) return;
        await readSubscriptions();
        gateOpen = true;
        reopening = undefined;
        broker.resume();
      })();
    },
  };

  const broker = createBroker({
    appGate,
    appBaseUrl,
    appHeaders,
    resiliency: options.resiliency,
    deliveryTimeoutMs: 10_000,
    log,
  });
  const scheduler = createJobsScheduler({
    whenAppReachable: async () => {
      while (down && !stopped) await sleep(25);
      while (!gateOpen && reopening && !stopped) await reopening;
    },
    onRefused: () => appGate.refused(),
    appBaseUrl,
    appHeaders,
    schedulerUtcOffsetMinutes: options.schedulerUtcOffsetMinutes ?? 0,
    failurePolicy: options.jobFailurePolicy ?? { maxRetries: 3, intervalMs: 1_000 },
  });

  let componentsReady = options.componentsReady ?? true;
  let appDiscovered = false;
  let stopped = false;
  let failure: PublishFailureMode | undefined;
  const publishRequests: { topic: string; contentType: string; query: Record<string, string> }[] = [];
  const sockets = new Set<net.Socket>();

  const server = http.createServer((req, res) => {
    if (down) {
      req.socket.destroy();
      return;
    }
    handle(req, res).catch((error: unknown) => {
      log(`double error: ${String(error)}`);
      if (!res.headersSent) sendDaprError(res, 500, "ERR_INTERNAL", String(error));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", "http://daprd");
    const path = url.pathname;
    if (options.apiToken && req.headers["dapr-api-token"] !== options.apiToken && !path.startsWith("/v1.0/healthz")) {
      req.resume();
      return sendDaprError(res, 401, "ERR_UNAUTHORIZED", "invalid api token");
    }
    if (req.method === "GET" && path === "/v1.0/healthz/outbound") {
      return componentsReady ? sendEmpty(res, 204) : sendDaprError(res, 500, "ERR_HEALTH_NOT_READY", "dapr is not ready");
    }
    if (req.method === "GET" && path === "/v1.0/healthz") {
      return componentsReady && appDiscovered ? sendEmpty(res, 204) : sendDaprError(res, 500, "ERR_HEALTH_NOT_READY", "dapr is not ready");
    }
    if (req.method === "GET" && path === "/v1.0/metadata") {
      return sendJson(res, 200, {
        id: appId,
        runtimeVersion: "sidecar-double",
        components: pubsubNames.map((name) => ({ name, type: "pubsub.kafka", version: "v1" })),
        subscriptions: broker.subscriptions().map((s) => ({
          pubsubname: s.pubsubname,
          topic: s.topic,
          deadLetterTopic: s.deadLetterTopic ?? "",
          rules: [{ path: s.route }],
        })),
      });
    }
    const publish = /^\/v1\.0\/publish\/([^/]+)\/([^/]+)$/.exec(path);
    if (req.method === "POST" && publish) {
      const [, pubsub = "", topic = ""] = publish;
      return handlePublish(req, res, decodeURIComponent(pubsub), decodeURIComponent(topic), url);
    }
    const job = /^\/([^/]+)\/jobs\/([^/]+)$/.exec(path);
    const [, prefix = "", jobName = ""] = job ?? [];
    if (job && (jobsPrefixes as string[]).includes(prefix)) return handleJobs(req, res, decodeURIComponent(jobName));
    req.resume();
    sendRouterNotFound(res);
  }

  async function handlePublish(req: http.IncomingMessage, res: http.ServerResponse, pubsub: string, topic: string, url: URL) {
    const body = await readBody(req, maxRequestBytes);
    if (body === "too-large") return sendDaprError(res, 413, "ERR_BODY_TOO_LARGE", `request body exceeds ${maxRequestBytes} bytes`);
    if (!pubsubNames.includes(pubsub)) return sendDaprError(res, 400, "ERR_PUBSUB_NOT_FOUND", `pubsub ${pubsub} not found`);
    const metadata: Record<string, string> = {};
    for (const [key, value] of url.searchParams) if (key.startsWith("metadata.")) metadata[key.slice(9)] = value;
    const contentType = req.headers["content-type"] ?? "text/plain";
    publishRequests.push({ topic, contentType, query: Object.fromEntries(url.searchParams) });
    if (failure && failure.times > 0) {
      failure.times -= 1;
      return sendDaprError(
        res,
        500,
        "ERR_PUBSUB_PUBLISH_MESSAGE",
        `error when publish to topic ${topic} in pubsub ${pubsub}: ${failure.message ?? "kafka: broker not available"}`,
      );
    }
    const envelope = toEnvelope({ body, contentType, topic, pubsubName: pubsub, appId, traceparent: header(req, "traceparent") });
    if (!envelope.ok) return sendDaprError(res, 400, "ERR_PUBSUB_CLOUD_EVENTS_SER", envelope.message);
    broker.append(topic, envelope.envelope, metadata.partitionKey, metadata);
    sendEmpty(res, 204);
  }

  async function handleJobs(req: http.IncomingMessage, res: http.ServerResponse, name: string) {
    const raw = await readBody(req, maxRequestBytes);
    if (raw === "too-large") return sendDaprError(res, 413, "ERR_BODY_TOO_LARGE", "request body too large");
    if (req.method === "POST") {
      let body: unknown;
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        return sendDaprError(res, 400, "ERR_MALFORMED_REQUEST", "body is not JSON");
      }
      const result = scheduler.schedule(name, body);
      return result.ok ? sendEmpty(res, 204) : sendDaprError(res, result.status, result.errorCode, result.message);
    }
    if (req.method === "GET") {
      const stored = scheduler.get(name);
      return stored
        ? sendJson(res, 200, { name, dueTime: stored.dueTime, data: stored.data })
        : sendDaprError(res, 500, "ERR_GET_JOB", `job ${name} not found`);
    }
    if (req.method === "DELETE") {
      scheduler.delete(name);
      return sendEmpty(res, 204);
    }
    sendRouterNotFound(res);
  }

  /** Like daprd: wait for the app port to open, then read its subscriptions. */
  async function discoverApp() {
    while (!stopped && !(await portOpen(appHost, options.appPort))) await sleep(25);
    if (stopped) return;
    await readSubscriptions();
    appDiscovered = true;
  }

  async function readSubscriptions() {
    try {
      const response = await fetch(`${appBaseUrl()}/dapr/subscribe`, { headers: appHeaders() });
      const list: unknown = response.ok ? await response.json() : [];
      const known = new Set(broker.subscriptions().map((s) => `${s.pubsubname}/${s.topic}`));
      for (const entry of Array.isArray(list) ? (list as Record<string, unknown>[]) : []) {
        const sub = toSubscription(entry);
        if (!sub) log(`invalid subscription ignored: ${JSON.stringify(entry)}`);
        else if (!pubsubNames.includes(sub.pubsubname)) log(`subscription to unknown pubsub ${sub.pubsubname} ignored`);
        else if (!known.has(`${sub.pubsubname}/${sub.topic}`)) broker.addSubscription(sub);
      }
    } catch (error) {
      log(`GET /dapr/subscribe failed: ${String(error)}`);
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  const discovery = discoverApp();

  return {
    port,
    /** Config for createDaprBus pointing at this double. */
    env: { DAPR_HOST: "127.0.0.1", DAPR_HTTP_PORT: String(port) },
    logs,
    publishRequests,
    /** Resolves once /dapr/subscribe has been read. */
    discovered: () => discovery,
    subscriptions: (): DiscoveredSubscription[] => broker.subscriptions(),
    /** Messages stored on a topic, as daprd would deliver them. */
    messages: (topic: string) => broker.messages(topic),
    deadLetters: (topic: string) => broker.messages(`${topic}-dlq`),
    deliveries: () => broker.deliveries(),
    settled: () => broker.settled(),
    jobs: () => scheduler.list(),
    jobTriggers: () => scheduler.triggers(),
    failPublishes(mode: PublishFailureMode | undefined) {
      failure = mode && { ...mode };
    },
    /**
     * Down: connections are reset, as when the sidecar container restarts, and nothing is
     * delivered or triggered until it is up again (messages and jobs are kept, as by the broker
     * and the scheduler service).
     */
    setDown(value: boolean) {
      down = value;
      if (value) for (const socket of sockets) socket.destroy();
      else broker.resume();
    },
    setComponentsReady(value: boolean) {
      componentsReady = value;
    },
    isIdle: () => broker.isIdle() && scheduler.isIdle(),
    async stop() {
      stopped = true;
      broker.stop();
      scheduler.stop();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type SidecarDouble = Awaited<ReturnType<typeof startSidecarDouble>>;

function toSubscription(entry: Record<string, unknown>): DiscoveredSubscription | undefined {
  const routes = entry.routes as { default?: unknown } | undefined;
  const route = typeof routes?.default === "string" ? routes.default : typeof entry.route === "string" ? entry.route : undefined;
  if (typeof entry.pubsubname !== "string" || typeof entry.topic !== "string" || !route) return undefined;
  const bulk = entry.bulkSubscribe as { enabled?: unknown; maxMessagesCount?: unknown; maxAwaitDurationMs?: unknown } | undefined;
  return {
    pubsubname: entry.pubsubname,
    topic: entry.topic,
    route: route.startsWith("/") ? route : `/${route}`,
    ...(typeof entry.deadLetterTopic === "string" && entry.deadLetterTopic ? { deadLetterTopic: entry.deadLetterTopic } : {}),
    ...(bulk?.enabled === true
      ? {
          bulk: {
            // daprd's defaults when the app leaves them out.
            maxMessagesCount: typeof bulk.maxMessagesCount === "number" ? bulk.maxMessagesCount : 100,
            maxAwaitDurationMs: typeof bulk.maxAwaitDurationMs === "number" ? bulk.maxAwaitDurationMs : 1000,
          },
        }
      : {}),
    metadata: (entry.metadata as Record<string, string> | undefined) ?? {},
  };
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
}

function portOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
