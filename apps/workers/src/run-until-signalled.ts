// Process lifecycle: start, then on SIGTERM/SIGINT stop gracefully within a cap, exit non-zero on
// a failed start or an overrun.
import type { Logger } from "pino";

export async function runUntilSignalled(
  start: () => Promise<{ stop(): Promise<void> }>,
  options: { logger: Logger; shutdownTimeoutMs: number },
): Promise<void> {
  const { logger } = options;
  let app: { stop(): Promise<void> };
  try {
    app = await start();
  } catch (error) {
    logger.fatal({ err: error }, `workers failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "workers stopping");
    const timer = setTimeout(() => {
      logger.error({ timeoutMs: options.shutdownTimeoutMs }, "shutdown timed out, exiting");
      process.exit(1);
    }, options.shutdownTimeoutMs);
    timer.unref();
    try {
      await app.stop();
      logger.info("workers stopped");
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
