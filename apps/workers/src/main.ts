// The workers process: hosts the event consumers, their health endpoints and (later) Socket.IO.
import { createDb } from "@taskboard/db";
import { env } from "./env.ts";
import { createHealthServer } from "./health.ts";
import { logger } from "./logger.ts";

const db = createDb(env.DATABASE_URL);
const health = createHealthServer({
  database: async () => {
    await db.$queryRaw`SELECT 1`;
    return { ok: true };
  },
});

await health.listen(env.WORKERS_PORT);
logger.info({ port: env.WORKERS_PORT, eventBus: env.EVENT_BUS }, "workers started");

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "workers stopping");
  const timer = setTimeout(() => {
    logger.error("shutdown timed out, exiting");
    process.exit(1);
  }, env.SHUTDOWN_TIMEOUT_MS);
  timer.unref();
  await health.close();
  await db.$disconnect();
  logger.info("workers stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
