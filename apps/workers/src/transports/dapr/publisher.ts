// Outbound half of the Dapr transport: CloudEvents to the pub/sub component through the official
// SDK's HTTP client. Each event is sent as `application/cloudevents+json` (so daprd forwards our
// envelope instead of wrapping it) with `metadata.partitionKey` = the event's partitionkey.
//
// Why not publishBulk: Dapr documents bulk publish as non-transactional and unordered, so one
// failed entry could leave a later event of the same user published ahead of it. Instead events
// go one by one per partition key (users in parallel), and a partition stops at its first failure.
import { CommunicationProtocolEnum, DaprClient, LogLevel } from "@dapr/dapr";
import { InvalidEventError, ZCloudEventEnvelopeSchema, type TCloudEvent, type TTopic } from "@taskboard/events";
import type { BusLogger } from "./bus-logger.ts";
import { DAPRD_MAX_REQUEST_BYTES, type TDaprConfig } from "./config.ts";
import { DaprPublishError, EventTooLargeError, type PublishFailure } from "./errors.ts";
import { waitForSidecar } from "./sidecar-http.ts";
import { brokerTopic, SOURCE_TRACEPARENT_ATTRIBUTE } from "./wire-format.ts";

const PARTITIONS_IN_PARALLEL = 8;

export interface DaprPublisher {
  publish(topic: TTopic, events: readonly TCloudEvent[]): Promise<void>;
  /** Resolves once daprd answers its outbound health check and the SDK client is initialised. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function createDaprPublisher(config: TDaprConfig, logger: BusLogger): DaprPublisher {
  const client = new DaprClient({
    daprHost: config.DAPR_HOST,
    daprPort: String(config.DAPR_HTTP_PORT),
    communicationProtocol: CommunicationProtocolEnum.HTTP,
    daprApiToken: config.DAPR_API_TOKEN,
    maxBodySizeMb: DAPRD_MAX_REQUEST_BYTES / (1024 * 1024),
    // The SDK logs every failed publish itself; we log (and throw) once, with context.
    logger: { level: LogLevel.Warn, service: sdkLogAdapter(logger) },
  });

  let readiness: Promise<void> | undefined;
  function ready(): Promise<void> {
    // The SDK's own first-call initialisation polls /v1.0/metadata for up to 30 s with no way to
    // shorten it; our bounded health wait runs first, so the SDK's check then passes at once.
    readiness ??= waitForSidecar(config, config.DAPR_SIDECAR_WAIT_MS)
      .then(() => client.start())
      .catch((error: unknown) => {
        readiness = undefined;
        throw error;
      });
    return readiness;
  }

  async function publishPartition(
    topic: TTopic,
    partitionKey: string,
    events: readonly TCloudEvent[],
    publishedIds: string[],
  ): Promise<PublishFailure | undefined> {
    for (const event of events) {
      // HTTP publish reports failure in `error` instead of throwing (docs/traps.md #3).
      const wire = event.traceparent ? { ...event, [SOURCE_TRACEPARENT_ATTRIBUTE]: event.traceparent } : event;
      const response = await client.pubsub.publish(config.DAPR_PUBSUB_NAME, brokerTopic(config, topic), wire, {
        contentType: "application/cloudevents+json",
        metadata: { partitionKey },
      });
      if (response.error) {
        return { eventId: event.id, partitionKey, message: describeSdkError(response.error) };
      }
      publishedIds.push(event.id);
    }
    return undefined;
  }

  return {
    ready,
    async publish(topic, events) {
      if (events.length === 0) return;
      for (const event of events) assertPublishable(event, config.DAPR_MAX_EVENT_BYTES);
      await ready();

      const partitions = new Map<string, TCloudEvent[]>();
      for (const event of events) {
        const list = partitions.get(event.partitionkey) ?? [];
        list.push(event);
        partitions.set(event.partitionkey, list);
      }
      const publishedIds: string[] = [];
      const failures: PublishFailure[] = [];
      const queue = [...partitions.entries()];
      async function worker() {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const failure = await publishPartition(topic, next[0], next[1], publishedIds);
          if (failure) failures.push(failure);
        }
      }
      await Promise.all(Array.from({ length: Math.min(PARTITIONS_IN_PARALLEL, queue.length) }, worker));

      if (failures.length > 0) {
        const order = new Map(events.map((event, index) => [event.id, index]));
        failures.sort((a, b) => (order.get(a.eventId) ?? 0) - (order.get(b.eventId) ?? 0));
        const error = new DaprPublishError(topic, failures, publishedIds);
        logger.error({ topic, failures, published: publishedIds.length }, error.message);
        throw error;
      }
      logger.debug({ topic, count: events.length }, "published to dapr");
    },
    async close() {
      await client.stop();
    },
  };
}

/**
 * Only valid envelopes go out: daprd would fill in a missing source, type, specversion or time
 * with its own defaults, and without a partitionkey per-user order is lost.
 */
function assertPublishable(event: TCloudEvent, limit: number) {
  const envelope = ZCloudEventEnvelopeSchema.safeParse(event);
  if (!envelope.success) {
    const type = typeof event === "object" && event && typeof event.type === "string" ? event.type : "unknown";
    throw new InvalidEventError(type, envelope.error);
  }
  const bytes = Buffer.byteLength(JSON.stringify(event), "utf8");
  if (bytes > limit) throw new EventTooLargeError(event.id, bytes, limit);
}

/** The SDK wraps daprd's answer as Error(JSON{ error, error_msg, status }); unwrap it for people. */
function describeSdkError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  try {
    const outer = JSON.parse(text) as { status?: number; error_msg?: string };
    const inner = outer.error_msg ? (JSON.parse(outer.error_msg) as { errorCode?: string; message?: string }) : {};
    return `HTTP ${outer.status} ${inner.errorCode ?? ""}: ${inner.message ?? outer.error_msg ?? ""}`.trim();
  } catch {
    return text;
  }
}

function sdkLogAdapter(logger: BusLogger) {
  const forward = (message: unknown, ...rest: unknown[]) =>
    logger.debug({ sdk: true, detail: rest.length ? rest : undefined }, String(message));
  return { error: forward, warn: forward, info: forward, verbose: forward, debug: forward };
}
