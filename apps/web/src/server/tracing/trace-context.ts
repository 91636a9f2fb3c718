// The web side of one change = one trace: the tRPC procedure's span, the `traceparent` a mutation
// writes into its CloudEvent (task-outbox.ts), and the ids the error log carries.
import { SpanKind, SpanStatusCode, trace, type Span } from "@opentelemetry/api";
import { traceLogFields, traceparentOf } from "@taskboard/telemetry/trace-context";

const TRACER_NAME = "@taskboard/web";

/** W3C traceparent of the active span; undefined when tracing is off (no valid span). */
export const activeTraceparent = () => traceparentOf(trace.getActiveSpan());

/** `trace_id`/`span_id` of the active span, for every web log line (empty when tracing is off). */
export const activeTraceLogFields = () => traceLogFields(trace.getActiveSpan());

const errorTraces = new WeakMap<object, { trace_id?: string; span_id?: string }>();

/** Log fields naming the trace a failed procedure ran in (empty when tracing is off). */
export function traceFieldsOfError(error: unknown): { trace_id?: string; span_id?: string } {
  return (typeof error === "object" && error !== null && errorTraces.get(error)) || {};
}

function remember(error: unknown, span: Span) {
  const fields = traceLogFields(span);
  if (typeof error === "object" && error !== null && fields.trace_id) errorTraces.set(error, fields);
}

interface ProcedureCall<TResult> {
  path: string;
  type: string;
  userId?: string;
  next: () => Promise<TResult>;
}

/**
 * Runs one tRPC procedure in an active span (a child of Next.js' request span when there is one),
 * so what the procedure writes to the outbox carries this span as its traceparent.
 */
export function withProcedureSpan<TResult extends { ok: boolean; error?: unknown }>({
  path,
  type,
  userId,
  next,
}: ProcedureCall<TResult>): Promise<TResult> {
  return trace.getTracer(TRACER_NAME).startActiveSpan(
    `trpc ${type} ${path}`,
    {
      kind: SpanKind.INTERNAL,
      attributes: { "rpc.system": "trpc", "rpc.method": path, "trpc.type": type, ...(userId ? { "enduser.id": userId } : {}) },
    },
    async (span) => {
      try {
        const result = await next();
        if (!result.ok) {
          const error = result.error as { code?: string; message?: string } | undefined;
          remember(result.error, span);
          if (error && typeof error === "object" && "cause" in error) remember((error as { cause: unknown }).cause, span);
          span.setAttribute("trpc.error_code", error?.code ?? "UNKNOWN");
          if (error?.code === "INTERNAL_SERVER_ERROR") span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
        }
        return result;
      } catch (error) {
        remember(error, span);
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
