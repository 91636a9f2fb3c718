// How daprd turns a publish request into the CloudEvent it stores and delivers
// (https://docs.dapr.io/developing-applications/building-blocks/pubsub/pubsub-cloudevents/,
//  https://github.com/dapr/components-contrib/blob/main/pubsub/envelope.go): a body sent as
// application/cloudevents+json is kept, except that traceid/traceparent/tracestate/topic/
// pubsubname are always set by daprd (the docs say "if missing"; the code overwrites them) and
// time/source/type/specversion get defaults when absent. Only unparsable JSON is refused.
// Anything else is wrapped in a Dapr-made envelope.
import { randomBytes, randomUUID } from "node:crypto";

export type EnvelopeResult = { ok: true; envelope: Record<string, unknown> } | { ok: false; message: string };

export function toEnvelope(options: {
  body: Buffer;
  contentType: string;
  topic: string;
  pubsubName: string;
  appId: string;
  traceparent: string | undefined;
}): EnvelopeResult {
  const { body, topic, pubsubName, appId } = options;
  const contentType = (options.contentType.split(";")[0] ?? "").trim().toLowerCase() || "text/plain";
  const traceparent = options.traceparent ?? `00-${randomBytes(16).toString("hex")}-${randomBytes(8).toString("hex")}-01`;
  const daprFields = { topic, pubsubname: pubsubName, traceid: traceparent, traceparent, tracestate: "" };

  if (contentType === "application/cloudevents+json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch (error) {
      return { ok: false, message: `error when unmarshalling the cloud event: ${String(error)}` };
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      return { ok: false, message: "cloud event is not a JSON object" };
    }
    const envelope: Record<string, unknown> = {
      time: new Date().toISOString(),
      source: "Dapr",
      type: "com.dapr.event.sent",
      specversion: "1.0",
      ...parsed,
      ...daprFields,
    };
    return { ok: true, envelope };
  }

  let data: unknown = body.toString("utf8");
  if (contentType === "application/json" || contentType.endsWith("+json")) {
    try {
      data = JSON.parse(data as string);
    } catch {
      return { ok: false, message: "body is not valid JSON for its content type" };
    }
  }
  return {
    ok: true,
    envelope: {
      specversion: "1.0",
      id: randomUUID(),
      source: appId,
      type: "com.dapr.event.sent",
      datacontenttype: contentType,
      time: new Date().toISOString(),
      ...daprFields,
      data,
    },
  };
}
