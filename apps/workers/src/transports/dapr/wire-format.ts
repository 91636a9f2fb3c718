// What the Dapr transport puts on the wire beyond our envelope.
import type { TDaprConfig } from "./config.ts";

/**
 * CloudEvents extension carrying the event's own W3C traceparent across daprd, which replaces the
 * `traceparent` attribute with its own span (components-contrib pubsub/envelope.go). Lower-case
 * letters only, as the CloudEvents spec asks of extension names.
 */
export const SOURCE_TRACEPARENT_ATTRIBUTE = "sourcetraceparent";

/** The topic's name on the broker: our name behind the instance's DAPR_TOPIC_PREFIX. */
export function brokerTopic(config: Pick<TDaprConfig, "DAPR_TOPIC_PREFIX">, topic: string): string {
  return `${config.DAPR_TOPIC_PREFIX}${topic}`;
}
