// What the Dapr transport puts on the wire beyond our envelope.

/**
 * CloudEvents extension carrying the event's own W3C traceparent across daprd, which replaces the
 * `traceparent` attribute with its own span (components-contrib pubsub/envelope.go). Lower-case
 * letters only, as the CloudEvents spec asks of extension names.
 */
export const SOURCE_TRACEPARENT_ATTRIBUTE = "sourcetraceparent";
