// The exporter path for real: spans reach an OTLP/HTTP collector at <endpoint>/v1/traces; without
// an endpoint nothing is registered.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { trace } from "@opentelemetry/api";
import { afterEach, describe, expect, it } from "vitest";
import { startTracing, type Tracing } from "@taskboard/telemetry";

let tracing: Tracing | undefined;
let collector: http.Server | undefined;
afterEach(async () => {
  await tracing?.shutdown();
  await new Promise((resolve) => (collector ? collector.close(resolve) : resolve(undefined)));
  tracing = collector = undefined;
});

describe("startTracing", () => {
  it("is off without an endpoint: the global tracer stays a no-op", () => {
    tracing = startTracing({ serviceName: "off" });
    expect(tracing.enabled).toBe(false);
    const span = trace.getTracer("t").startSpan("nothing");
    expect(span.isRecording()).toBe(false);
    span.end();
  });

  it("exports spans over OTLP/HTTP to <endpoint>/v1/traces, flushed on shutdown", async () => {
    const received: { path?: string; type?: string; bytes: number }[] = [];
    collector = http.createServer((req, res) => {
      let bytes = 0;
      req.on("data", (chunk: Buffer) => (bytes += chunk.length));
      req.on("end", () => {
        received.push({ path: req.url, type: req.headers["content-type"], bytes });
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => collector?.listen(0, "127.0.0.1", resolve));
    const { port } = collector.address() as AddressInfo;

    tracing = startTracing({ serviceName: "taskboard-workers-test", otlpEndpoint: `http://127.0.0.1:${port}/` });
    expect(tracing.enabled).toBe(true);
    const span = trace.getTracer("t").startSpan("exported");
    expect(span.isRecording()).toBe(true);
    span.end();
    await tracing.shutdown();
    tracing = undefined;

    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ path: "/v1/traces" });
    expect(received[0]?.bytes).toBeGreaterThan(0);
  });
});
