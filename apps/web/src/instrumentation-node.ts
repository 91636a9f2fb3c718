// Validating the configuration at boot makes a bad value stop `next start` at once with a message
// naming the variable, instead of failing the first request. Tracing starts here too, before the
// first request, when OTEL_EXPORTER_OTLP_ENDPOINT is set.
let otlpEndpoint: string | undefined;
try {
  ({ OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint } = (await import("./env")).env);
} catch {
  // env.ts has already printed which variables are wrong.
  process.exit(1);
}

if (otlpEndpoint) {
  const { startTracing } = await import("@taskboard/telemetry");
  // Spans are batched and sent every few seconds; the last batch before a stop may be lost
  // (a SIGTERM listener here would take over Next.js' own shutdown).
  startTracing({ serviceName: "taskboard-web", otlpEndpoint });
}

export {};
