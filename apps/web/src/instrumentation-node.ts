// Validating the configuration at boot makes a bad value stop `next start` at once with a message
// naming the variable, instead of failing the first request. Tracing starts here too, before the
// first request, when OTEL_EXPORTER_OTLP_ENDPOINT is set, and so does the internal metrics server
// (WEB_METRICS_PORT).
let config: Awaited<typeof import("./env")>["env"];
try {
  config = (await import("./env")).env;
} catch {
  // env.ts has already printed which variables are wrong.
  process.exit(1);
}

if (config.OTEL_EXPORTER_OTLP_ENDPOINT) {
  const { startTracing } = await import("@taskboard/telemetry");
  // Spans are batched and sent every few seconds; the last batch before a stop may be lost
  // (a SIGTERM listener here would take over Next.js' own shutdown).
  startTracing({ serviceName: "taskboard-web", otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
}

// A number only once validated (while `next build` skips validation it is unset or raw text).
if (typeof config.WEB_METRICS_PORT === "number" && config.WEB_METRICS_PORT > 0) {
  const { startWebMetricsServer } = await import("./server/metrics/start");
  const { default: pino } = await import("pino");
  // logger.ts is for request code ("server-only"); instrumentation gets its own of the same shape.
  await startWebMetricsServer(config.WEB_METRICS_PORT, pino({ level: config.LOG_LEVEL ?? "info", base: { service: "web" } }));
}

export {};
