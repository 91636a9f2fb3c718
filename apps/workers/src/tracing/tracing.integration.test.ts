// One change, one trace: the span that wrote an outbox row (the web mutation), the relay's publish
// and the consumer's handling share a trace id and chain parent → child; the consumer's log lines
// carry the trace id, event id and user id, never the task's title.
import { Writable } from "node:stream";
import { SpanKind } from "@opentelemetry/api";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace";
import { createTestDatabase, type TestDatabase } from "@taskboard/db/testing";
import { sampleEvent, waitFor } from "@taskboard/events/contract";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startWorkers, type RunningWorkers } from "../start-workers.ts";
import { embeddedWorkersConfig } from "../testing/embedded-workers-config.ts";
import { logConsumer } from "../consumers/log/log.consumer.ts";
import { adminDatabaseUrl } from "../testing/admin-database-url.ts";
import { writeOutbox } from "../testing/outbox-writer.ts";
import { createProbeTable, probeConsumer, probeEffects } from "../testing/probe-consumer.ts";
import { startTracing, type Tracing } from "@taskboard/telemetry";
import { traceparentOf } from "@taskboard/telemetry/trace-context";
import { tracer } from "./tracer.ts";

function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { log: pino({ level: "debug" }, stream), lines, raw };
}

describe("tracing across the outbox", () => {
  let database: TestDatabase;
  let app: RunningWorkers | undefined;
  let tracing: Tracing;
  let exporter: InMemorySpanExporter;

  beforeEach(async () => {
    // A fresh one each time: shutting the provider down stops its exporter for good.
    exporter = new InMemorySpanExporter();
    tracing = startTracing({ serviceName: "taskboard-workers-test", exporter });
    database = await createTestDatabase(adminDatabaseUrl());
    await createProbeTable(database.db);
  });
  afterEach(async () => {
    await app?.stop();
    app = undefined;
    await database.drop();
    await tracing.shutdown();
  });

  it("chains mutation → relay publish → consumer in one trace, and the handler gets its span's traceparent", async () => {
    const { log, lines, raw } = capturedLog();
    const seen: { traceparent?: string }[] = [];
    app = await startWorkers(
      embeddedWorkersConfig(database.url, { bus: { concurrency: 2 }, relay: { enabled: true, pollIntervalMs: 100 } }),
      [probeConsumer("traced", (_event, context) => void seen.push({ traceparent: context.traceparent })), logConsumer],
      log,
    );

    // What the web does: the mutation's span is active while the outbox row is written.
    const event = sampleEvent("task.created", "user-trace");
    const mutation = await tracer().startActiveSpan("trpc task.create", { kind: SpanKind.SERVER }, async (span) => {
      await writeOutbox(database.db, [{ ...event, traceparent: traceparentOf(span) }]);
      span.end();
      return span;
    });
    const traceId = mutation.spanContext().traceId;

    await waitFor("the consumer's effect", async () => (await probeEffects(database.db, "traced")).length === 1);
    await waitFor("both consumer spans", async () => exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.CONSUMER).length === 2);

    const spans = exporter.getFinishedSpans();
    const byKind = (kind: SpanKind) => spans.filter((s) => s.kind === kind) as ReadableSpan[];
    const [publish] = byKind(SpanKind.PRODUCER);
    const consume = byKind(SpanKind.CONSUMER).find((s) => s.attributes["messaging.consumer.group.name"] === "traced");
    expect(publish?.name).toBe("publish task.created");
    expect(consume?.name).toBe("consume task.created");
    for (const span of [publish, consume]) expect(span?.spanContext().traceId).toBe(traceId);
    expect(publish?.parentSpanContext?.spanId).toBe(mutation.spanContext().spanId);
    expect(consume?.parentSpanContext?.spanId).toBe(publish?.spanContext().spanId);
    expect(publish?.attributes["messaging.message.id"]).toBe(event.id);
    expect(consume?.attributes["messaging.consumer.group.name"]).toBe("traced");

    // Events the handler produces would carry the consumer span, so the chain goes on.
    expect(seen[0]?.traceparent).toBe(`00-${traceId}-${consume?.spanContext().spanId}-01`);

    // The runtime's per-event line and the relay's: ids, never the title.
    const title = (event.data as { task: { title: string } }).task.title;
    const handled = raw.find((line) => line.includes('"msg":"event handled"') && line.includes('"consumer":"traced"'));
    expect(JSON.parse(handled ?? "{}")).toMatchObject({ trace_id: traceId, eventId: event.id, userId: "user-trace", eventType: "task.created" });
    expect(handled).not.toContain(title);
    const published = raw.find((line) => line.includes('"msg":"publishing event"') && line.includes(event.id));
    expect(JSON.parse(published ?? "{}")).toMatchObject({ trace_id: traceId, userId: "user-trace" });
    expect(published).not.toContain(title);
    // The log consumer's info line: the ids to find the change by, not its contents.
    const info = raw.find((line) => line.includes('"consumer":"log"') && line.includes('"msg":"event task.created"'));
    expect(JSON.parse(info ?? "{}")).toMatchObject({ level: 30, trace_id: traceId, eventId: event.id, userId: "user-trace", taskId: event.subject });
    expect(info).not.toContain(title);
    // Nothing at info or above carries task contents (graphile-worker's own debug lines do).
    expect(raw.filter((line, i) => (lines[i]?.level as number) >= 30 && line.includes(title))).toEqual([]);
  });

  it("starts a trace at the relay for an event written without a traceparent", async () => {
    const { log } = capturedLog();
    app = await startWorkers(
      embeddedWorkersConfig(database.url, { bus: { concurrency: 2 }, relay: { enabled: true, pollIntervalMs: 100 } }),
      [probeConsumer("untraced")],
      log,
    );
    await writeOutbox(database.db, [sampleEvent("task.created", "user-plain")]);
    await waitFor("the consumer span", async () => exporter.getFinishedSpans().some((s) => s.kind === SpanKind.CONSUMER));
    const spans = exporter.getFinishedSpans();
    const publish = spans.find((s) => s.kind === SpanKind.PRODUCER);
    const consume = spans.find((s) => s.kind === SpanKind.CONSUMER);
    expect(publish?.parentSpanContext).toBeUndefined();
    expect(consume?.spanContext().traceId).toBe(publish?.spanContext().traceId);
    expect(consume?.parentSpanContext?.spanId).toBe(publish?.spanContext().spanId);
  });
});
