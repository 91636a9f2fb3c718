// A fired job (a reminder, possibly days later) continues the trace of the span that scheduled it,
// and hands its own span to the handler for the events it produces.
import { SpanKind } from "@opentelemetry/api";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace";
import type { Db } from "@taskboard/db";
import { TOPICS, TASK_EVENT_DEFINITIONS } from "@taskboard/events";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { defineConsumer } from "../runtime/define-consumer.ts";
import { createJobDispatcher } from "../runtime/job-dispatcher.ts";
import { startTracing, type Tracing } from "@taskboard/telemetry";

const SCHEDULED_BY = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
let tracing: Tracing | undefined;
afterEach(async () => {
  await tracing?.shutdown();
  tracing = undefined;
});

function dispatcherCapturing(seen: (string | undefined)[], fail = false) {
  const consumer = defineConsumer({
    name: "jobs-probe",
    topic: TOPICS.taskEvents,
    events: TASK_EVENT_DEFINITIONS,
    handle: async () => undefined,
    jobs: {
      prefix: "probe:",
      async handle(_job, context) {
        seen.push(context.traceparent);
        if (fail) throw new Error("downstream unavailable");
      },
    },
  });
  const unused = () => Promise.reject(new Error("unused"));
  const handler = createJobDispatcher([consumer], { db: {} as Db, log: pino({ level: "silent" }), jobs: { schedule: unused, cancel: unused } });
  if (!handler) throw new Error("no dispatcher");
  return handler;
}

describe("job spans", () => {
  it("a job whose payload carries the scheduling span's traceparent fires in a child span of it", async () => {
    const exporter = new InMemorySpanExporter();
    tracing = startTracing({ serviceName: "jobs-test", exporter });
    const seen: (string | undefined)[] = [];
    const status = await dispatcherCapturing(seen)({ name: "probe:1", payload: { traceparent: SCHEDULED_BY }, attempt: 1 });
    expect(status).toBe("SUCCESS");
    const [span] = exporter.getFinishedSpans();
    expect(span).toMatchObject({ name: "job probe:", kind: SpanKind.CONSUMER });
    expect(span?.spanContext().traceId).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
    expect(span?.parentSpanContext?.spanId).toBe("00f067aa0ba902b7");
    expect(seen).toEqual([`00-4bf92f3577b34da6a3ce929d0e0e4736-${span?.spanContext().spanId}-01`]);
  });

  it("records a failed job on its span and still answers RETRY", async () => {
    const exporter = new InMemorySpanExporter();
    tracing = startTracing({ serviceName: "jobs-test", exporter });
    const status = await dispatcherCapturing([], true)({ name: "probe:2", payload: {}, attempt: 2 });
    expect(status).toBe("RETRY");
    const [span] = exporter.getFinishedSpans();
    expect(span?.status.message).toContain("RETRY");
    expect(span?.parentSpanContext).toBeUndefined();
  });
});
