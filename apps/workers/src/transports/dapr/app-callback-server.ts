// The HTTP server daprd calls (the "app channel"), on its own port (DAPR_APP_PORT):
//   GET  /dapr/subscribe   programmatic subscriptions, one per topic (Dapr allows one per app id)
//   POST /events/<topic>   deliveries, single CloudEvent or bulk `{ entries: [...] }`
//   POST /job/<name>       fired Dapr jobs; we serve it ourselves because daprd counts an app
//                          404 as success and the job would be lost (docs/traps.md #4)
//   POST /dead-letters/<topic>  events daprd moved to <topic>-dlq (dead-letter-intake.ts)
//   GET  /healthz          for daprd's optional app health check (open: daprd sends no token there)
// Answers follow Dapr's pub/sub API: HTTP 200 with { status } or { statuses: [...] }.
import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import { deadLetterTopic, type DeliveryStatus, type TTopic } from "@taskboard/events";
import type { BusLogger } from "./bus-logger.ts";
import type { TDaprConfig } from "./config.ts";
import type { DeadLetterIntake } from "./dead-letter-intake.ts";
import { brokerTopic } from "./wire-format.ts";
import { deliver, retryAll, type DeliveryTarget } from "./delivery-answers.ts";
import type { TopicDispatcher } from "./topic-dispatcher.ts";

/** Bulk deliveries can hold many events; daprd itself caps a request at 4 MB by default. */
const MAX_CALLBACK_BODY_BYTES = 32 * 1024 * 1024;

export interface JobDispatcher {
  dispatch(name: string, payload: unknown): Promise<DeliveryStatus>;
}

export interface AppCallbackServer {
  listen(): Promise<void>;
  /** Refuses new work (RETRY / 503), waits for in-flight requests, then closes. */
  close(): Promise<void>;
  readonly port: number;
}

const EVENTS_PREFIX = "/events/";
const DEAD_LETTERS_PREFIX = "/dead-letters/";

export function eventsRoute(topic: TTopic): string {
  return `${EVENTS_PREFIX}${topic}`;
}

/** Route of the events daprd moved to a topic's dead-letter topic (see dead-letter-intake.ts). */
export function deadLettersRoute(topic: TTopic): string {
  return `${DEAD_LETTERS_PREFIX}${topic}`;
}

export function subscriptionList(config: TDaprConfig, topics: readonly TTopic[], deadLetterTopics: readonly TTopic[] = []) {
  const intake = deadLetterTopics.map((topic) => ({
    pubsubname: config.DAPR_PUBSUB_NAME,
    topic: brokerTopic(config, deadLetterTopic(topic)),
    routes: { default: deadLettersRoute(topic) },
    metadata: { rawPayload: "false" },
  }));
  return [...topics.map((topic) => ({
    pubsubname: config.DAPR_PUBSUB_NAME,
    topic: brokerTopic(config, topic),
    routes: { default: eventsRoute(topic) },
    // Exhausted retries and DROP answers land here; the retry policy itself is declared in
    // infra/dapr (resiliency), not coded here (docs/traps.md #7).
    deadLetterTopic: brokerTopic(config, deadLetterTopic(topic)),
    metadata: { rawPayload: "false" },
    ...(config.DAPR_BULK_SUBSCRIBE
      ? {
          bulkSubscribe: {
            enabled: true,
            maxMessagesCount: config.DAPR_BULK_MAX_MESSAGES,
            maxAwaitDurationMs: config.DAPR_BULK_MAX_AWAIT_MS,
          },
        }
      : {}),
  })), ...intake];
}

export function createAppCallbackServer(options: {
  config: TDaprConfig;
  topics: ReadonlyMap<TTopic, TopicDispatcher>;
  jobs: JobDispatcher;
  /** Present when the bus stores dead letters itself (onDeadLetter). */
  deadLetters?: ReadonlyMap<TTopic, DeadLetterIntake>;
  logger: BusLogger;
}): AppCallbackServer {
  const { config, topics, jobs, logger } = options;
  const deadLetters = options.deadLetters ?? new Map<TTopic, DeadLetterIntake>();
  const subscriptions = subscriptionList(config, [...topics.keys()], [...deadLetters.keys()]);
  const deliveryRoutes: [string, ReadonlyMap<TTopic, DeliveryTarget>][] = [
    [EVENTS_PREFIX, topics],
    [DEAD_LETTERS_PREFIX, deadLetters],
  ];
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  let port = config.DAPR_APP_PORT;

  const server = http.createServer((req, res) => {
    const work = handle(req, res).catch((error: unknown) => {
      logger.error({ err: error, url: req.url }, "dapr app callback failed");
      if (!res.headersSent) send(res, 500, { error: "internal error" });
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://app");
    // Before the token check: daprd's app health probe does not send APP_API_TOKEN (daprd 1.18),
    // and a 401 there would mark the app unhealthy and stop every delivery.
    if (req.method === "GET" && url.pathname === "/healthz") {
      return send(res, stopping ? 503 : 200, { status: stopping ? "stopping" : "ok" });
    }
    if (config.APP_API_TOKEN && !tokenMatches(req.headers["dapr-api-token"], config.APP_API_TOKEN)) {
      // Drain so keep-alive connections stay usable.
      req.resume();
      return send(res, 401, { error: "missing or wrong dapr-api-token" });
    }
    if (req.method === "GET" && url.pathname === "/dapr/subscribe") {
      return send(res, 200, subscriptions);
    }
    // Deliveries of a topic's events, and of what daprd moved to its dead-letter topic.
    for (const [prefix, targets] of deliveryRoutes) {
      if (req.method !== "POST" || !url.pathname.startsWith(prefix)) continue;
      const target = targets.get(decodeURIComponent(url.pathname.slice(prefix.length)) as TTopic);
      if (!target) {
        req.resume();
        return send(res, 404, { error: "no subscription for this route" });
      }
      const body = await readJson(req);
      if (stopping) return send(res, 200, retryAll(body));
      return send(res, 200, await deliver(target, body));
    }
    if (req.method === "POST" && url.pathname.startsWith("/job/")) {
      const name = decodeURIComponent(url.pathname.slice("/job/".length));
      const body = await readJson(req);
      // Non-2xx makes daprd apply the job's failure policy (retry); 2xx completes the job.
      if (stopping) return send(res, 503, { status: "RETRY" });
      const status = await jobs.dispatch(name, body);
      return send(res, status === "RETRY" ? 500 : 200, { status });
    }
    req.resume();
    send(res, 404, { error: "not found" });
  }

  return {
    get port() {
      return port;
    },
    listen: () =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(config.DAPR_APP_PORT, config.DAPR_APP_HOST, () => {
          server.off("error", reject);
          const address = server.address();
          if (address && typeof address === "object") port = address.port;
          resolve();
        });
      }),
    async close() {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...inFlight]);
      // daprd keeps connections alive and may start another delivery on one; nothing in flight
      // remains, and anything new would be answered RETRY, so cut them now.
      server.closeAllConnections();
      await closed;
    },
  };
}

function tokenMatches(header: string | string[] | undefined, expected: string): boolean {
  if (typeof header !== "string") return false;
  const a = Buffer.from(header);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_CALLBACK_BODY_BYTES) throw new Error(`callback body over ${MAX_CALLBACK_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON: hand it over as-is; the consumer's validation dead-letters it.
    return text;
  }
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
