import { ROOT_CONTEXT, trace } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { contextFromTraceparent, traceLogFields, traceparentOf } from "./trace-context.ts";

const TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
const tracer = () => trace.getTracer("trace-context-test");

describe("event trace context", () => {
  it("reads a W3C traceparent and refuses malformed or all-zero ones", () => {
    expect(trace.getSpanContext(contextFromTraceparent(TRACEPARENT))).toMatchObject({
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      spanId: "00f067aa0ba902b7",
      traceFlags: 1,
      isRemote: true,
    });
    expect(trace.getSpanContext(contextFromTraceparent(undefined))).toBeUndefined();
    expect(trace.getSpanContext(contextFromTraceparent("garbage"))).toBeUndefined();
    expect(trace.getSpanContext(contextFromTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))).toBeUndefined();
  });

  it("with tracing off, a span under an event's traceparent keeps its ids (logs and produced events still correlate)", () => {
    const span = tracer().startSpan("consume", {}, contextFromTraceparent(TRACEPARENT));
    expect(traceparentOf(span)).toBe(TRACEPARENT);
    expect(traceLogFields(span)).toEqual({ trace_id: "4bf92f3577b34da6a3ce929d0e0e4736", span_id: "00f067aa0ba902b7" });
    span.end();
  });

  it("with tracing off and no traceparent, nothing is invented", () => {
    const span = tracer().startSpan("consume", {}, contextFromTraceparent(undefined));
    expect(traceparentOf(span)).toBeUndefined();
    expect(traceparentOf(undefined)).toBeUndefined();
    expect(traceLogFields(span)).toEqual({});
    expect(trace.getSpan(contextFromTraceparent(undefined))).toBeUndefined();
    expect(contextFromTraceparent("bad", ROOT_CONTEXT)).toBe(ROOT_CONTEXT);
  });
});
