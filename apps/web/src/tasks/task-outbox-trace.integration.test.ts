// One change, one trace (web side): the event a mutation writes carries the span it ran in, so the
// relay and the consumers continue that trace. Tracing off: no traceparent at all.
import { SpanKind, trace } from "@opentelemetry/api";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace";
import type { TestDatabase } from "@taskboard/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TSessionUser } from "@/server/session-user";
import { callerFor, insertUser, must, openTestDatabase, readOutbox } from "@/server/testing/test-database";
import { startTracing, type Tracing } from "@taskboard/telemetry";
import { traceFieldsOfError } from "@/server/tracing/trace-context";
import { createTask } from "./create-task.handler";
import { ZCreateTaskSchema } from "./create-task.schema";

let testDb: TestDatabase;
let user: TSessionUser;
let tracing: Tracing | undefined;

beforeAll(async () => {
  testDb = await openTestDatabase();
  user = await insertUser(testDb.db, "Tracer");
});
afterAll(() => testDb.drop());
afterEach(async () => {
  await tracing?.shutdown();
  tracing = undefined;
});

async function lastOutboxEvent() {
  return must((await readOutbox(testDb.db)).at(-1), "an outbox row").event;
}

describe("traceparent on the events the web writes", () => {
  it("the create-task handler run within an active span writes that span as the event's traceparent", async () => {
    const exporter = new InMemorySpanExporter();
    tracing = startTracing({ serviceName: "taskboard-web-test", exporter });
    const span = await trace.getTracer("test").startActiveSpan("POST /api/trpc/task.create", { kind: SpanKind.SERVER }, async (active) => {
      await createTask({ db: testDb.db, user, input: ZCreateTaskSchema.parse({ title: "Traced task" }) });
      active.end();
      return active;
    });
    const { traceId, spanId } = span.spanContext();
    expect((await lastOutboxEvent()).traceparent).toBe(`00-${traceId}-${spanId}-01`);
  });

  it("a tRPC mutation runs in its own span, a child of the request's, and the event names that span", async () => {
    const exporter = new InMemorySpanExporter();
    tracing = startTracing({ serviceName: "taskboard-web-test", exporter });
    const api = callerFor(testDb.db, user);
    const request = await trace.getTracer("test").startActiveSpan("POST /api/trpc", { kind: SpanKind.SERVER }, async (active) => {
      await api.task.create({ title: "Through tRPC" });
      active.end();
      return active;
    });
    const procedure = must(exporter.getFinishedSpans().find((s) => s.name === "trpc mutation task.create"), "the procedure span");
    expect(procedure.spanContext().traceId).toBe(request.spanContext().traceId);
    expect(procedure.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(procedure.attributes).toMatchObject({ "rpc.system": "trpc", "rpc.method": "task.create", "enduser.id": user.id });
    expect(JSON.stringify(procedure.attributes)).not.toContain("Through tRPC");
    const event = await lastOutboxEvent();
    expect(event.traceparent).toBe(`00-${procedure.spanContext().traceId}-${procedure.spanContext().spanId}-01`);
  });

  it("a failed procedure's error names its trace, for the error log", async () => {
    tracing = startTracing({ serviceName: "taskboard-web-test", exporter: new InMemorySpanExporter() });
    const error = await callerFor(testDb.db, user)
      .task.get({ id: "00000000-0000-4000-8000-000000000000" })
      .catch((e: unknown) => e);
    expect(traceFieldsOfError(error)).toEqual({ trace_id: expect.stringMatching(/^[0-9a-f]{32}$/), span_id: expect.stringMatching(/^[0-9a-f]{16}$/) });
  });

  it("with tracing off, the event has no traceparent", async () => {
    await callerFor(testDb.db, user).task.create({ title: "Untraced" });
    expect((await lastOutboxEvent()).traceparent).toBeUndefined();
  });
});
