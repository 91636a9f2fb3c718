// The workers' tracer. The `traceparent` helpers that events and jobs carry are shared with the
// web app in @taskboard/telemetry.
import { trace } from "@opentelemetry/api";

export function tracer() {
  return trace.getTracer("@taskboard/workers");
}
