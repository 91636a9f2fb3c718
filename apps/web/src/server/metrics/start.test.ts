// A second product on the same machine must not take the web app down over the metrics port:
// a port already in use costs /metrics (logged at warn), never the app.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startMetricsServer } from "./metrics-server";
import { startWebMetricsServer } from "./start";
import { createWebMetrics } from "./web-metrics";

const STARTED = Symbol.for("taskboard.web.metricsServer");
const holder = globalThis as Record<symbol, unknown>;
const quiet = () => ({ info: vi.fn(), warn: vi.fn() });

afterEach(() => {
  delete holder[STARTED];
});

async function occupiedPort(): Promise<{ port: number; close: () => Promise<void> }> {
  const other = http.createServer();
  await new Promise<void>((resolve) => other.listen(0, resolve));
  return { port: (other.address() as AddressInfo).port, close: () => new Promise((resolve) => other.close(() => resolve())) };
}

describe("starting the metrics server", () => {
  it("reports a taken port to the caller", async () => {
    const other = await occupiedPort();
    try {
      await expect(startMetricsServer(createWebMetrics().registry, other.port)).rejects.toMatchObject({ code: "EADDRINUSE" });
    } finally {
      await other.close();
    }
  });

  it("at boot, a taken port is logged at warn and leaves the app running without metrics", async () => {
    const other = await occupiedPort();
    const logger = quiet();
    try {
      await expect(startWebMetricsServer(other.port, logger)).resolves.toBeUndefined();
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(logger.warn).toHaveBeenCalledWith({ port: other.port, code: "EADDRINUSE" }, expect.stringContaining("WEB_METRICS_PORT"));
      expect(logger.info).not.toHaveBeenCalled();
    } finally {
      await other.close();
    }
  });

  it("starts once per process, however often boot code asks", async () => {
    const logger = quiet();
    const first = await startWebMetricsServer(0, logger);
    try {
      expect(first?.port).toBeGreaterThan(0);
      expect(await startWebMetricsServer(0, logger)).toBe(first);
      expect(logger.info).toHaveBeenCalledTimes(1);
      expect(logger.info).toHaveBeenCalledWith({ port: first?.port }, "metrics at /metrics");
    } finally {
      await first?.close();
    }
  });
});
