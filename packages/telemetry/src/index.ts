export { startTracing, type Tracing, type TracingOptions } from "./start-tracing.ts";
export { contextFromTraceparent, traceLogFields, traceparentOf } from "./trace-context.ts";
