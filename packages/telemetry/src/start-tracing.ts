// Process-wide OpenTelemetry setup, shared by the web server (instrumentation-node.ts) and the
// workers (main.ts). Only with OTEL_EXPORTER_OTLP_ENDPOINT set; otherwise nothing is registered,
// the API's no-op tracer answers every call and the only work left is copying an incoming
// `traceparent` through.
import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  TracerProvider,
  type SpanExporter,
} from "@opentelemetry/sdk-trace";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";

export interface TracingOptions {
  serviceName: string;
  /** OTLP/HTTP base URL (the standard OTEL_EXPORTER_OTLP_ENDPOINT); spans go to `<url>/v1/traces`. */
  otlpEndpoint?: string;
  /** Tests: export synchronously to this exporter instead (e.g. an InMemorySpanExporter). */
  exporter?: SpanExporter;
}

export interface Tracing {
  enabled: boolean;
  /** Flushes what is buffered and unregisters the provider. */
  shutdown(): Promise<void>;
}

export function startTracing(options: TracingOptions): Tracing {
  if (!options.otlpEndpoint && !options.exporter) return { enabled: false, shutdown: async () => undefined };

  const processor = options.exporter
    ? new SimpleSpanProcessor({ exporter: options.exporter })
    : new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${(options.otlpEndpoint ?? "").replace(/\/+$/, "")}/v1/traces` }) });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    spanProcessors: [processor],
  });
  // A second start (tests) replaces the first instead of being ignored by the API.
  trace.disable();
  context.disable();
  propagation.disable();
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);

  return {
    enabled: true,
    async shutdown() {
      await provider.shutdown().catch(() => undefined);
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
