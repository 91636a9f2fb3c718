// Liveness, readiness and Prometheus metrics over plain HTTP, for Kubernetes probes and operators.
import http from "node:http";
import type { Registry } from "prom-client";

export type ReadinessCheck = () => Promise<{ ok: boolean; detail?: string }>;

export interface HealthServer {
  listen(port: number): Promise<void>;
  close(): Promise<void>;
}

export function createHealthServer(checks: Record<string, ReadinessCheck>, registry?: Registry): HealthServer {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz") {
      return send(res, 200, { status: "ok" });
    }
    if (url.pathname === "/readyz") {
      const results: Record<string, { ok: boolean; detail?: string }> = {};
      for (const [name, check] of Object.entries(checks)) {
        results[name] = await check().catch((error: unknown) => ({ ok: false, detail: String(error) }));
      }
      const ok = Object.values(results).every((r) => r.ok);
      return send(res, ok ? 200 : 503, { status: ok ? "ready" : "not ready", checks: results });
    }
    if (url.pathname === "/metrics" && registry) {
      try {
        const body = await registry.metrics();
        res.writeHead(200, { "content-type": registry.contentType });
        return res.end(body);
      } catch (error) {
        return send(res, 500, { error: String(error) });
      }
    }
    send(res, 404, { error: "not found" });
  });
  return {
    listen: (port) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, () => resolve());
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
