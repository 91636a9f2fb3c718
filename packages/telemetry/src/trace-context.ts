// W3C Trace Context on what is not an HTTP request: the `traceparent` that events (CloudEvents
// extension) and scheduled jobs carry. Read and written by OpenTelemetry's own propagator, called
// directly rather than through the global API, so it works whether or not tracing is on: with the
// no-op tracer a span started under an incoming traceparent keeps that trace and span id, so the
// ids still reach logs and the events it produces.
import { ROOT_CONTEXT, defaultTextMapGetter, defaultTextMapSetter, isSpanContextValid, trace, type Context, type Span } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";

const propagator = new W3CTraceContextPropagator();

/** A context whose parent is the span a `traceparent` names (`base` when it is absent or malformed). */
export function contextFromTraceparent(traceparent: string | undefined, base: Context = ROOT_CONTEXT): Context {
  return propagator.extract(base, { traceparent }, defaultTextMapGetter);
}

/** The span's `traceparent`, or undefined for a span with no valid context (no-op, no parent). */
export function traceparentOf(span: Span | undefined): string | undefined {
  if (!span) return undefined;
  const carrier: { traceparent?: string } = {};
  propagator.inject(trace.setSpan(ROOT_CONTEXT, span), carrier, defaultTextMapSetter);
  return carrier.traceparent;
}

/** Log fields naming the span's trace (snake_case, as log backends correlate them). */
export function traceLogFields(span: Span | undefined): { trace_id?: string; span_id?: string } {
  const spanContext = span?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}
