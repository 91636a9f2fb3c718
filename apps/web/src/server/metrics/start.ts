// Starts the metrics server once per process (instrumentation-node.ts). A port already taken
// (e.g. a second `npm start` on the same machine with WEB_METRICS_PORT left alone) costs the
// metrics, not the app: it is logged at warn and the web app serves on.
import type { Logger } from "pino";
import { startMetricsServer, type MetricsServer } from "./metrics-server";
import { getWebMetrics } from "./web-metrics";

const STARTED = Symbol.for("taskboard.web.metricsServer");

export async function startWebMetricsServer(port: number, logger: Pick<Logger, "info" | "warn">): Promise<MetricsServer | undefined> {
  const holder = globalThis as { [STARTED]?: Promise<MetricsServer | undefined> };
  holder[STARTED] ??= startMetricsServer(getWebMetrics().registry, port).then(
    (server) => {
      logger.info({ port: server.port }, "metrics at /metrics");
      return server;
    },
    (error: NodeJS.ErrnoException) => {
      logger.warn({ port, code: error.code }, "metrics server did not start; the app runs without /metrics (set WEB_METRICS_PORT to a free port, or 0)");
      return undefined;
    },
  );
  return holder[STARTED];
}
