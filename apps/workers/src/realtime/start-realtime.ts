// Live updates as one unit for the workers process: the Socket.IO server, which start-workers.ts plugs into
// the consumer runtime's ChangePublisher port so committed feed entries reach open tabs. start-workers.ts
// starts it when a token secret is configured (never without one).
import type { Db } from "@taskboard/db";
import type { Logger } from "pino";
import { createRealtimeServer } from "./socket-server.ts";

export interface RealtimeConfig {
  port: number;
  tokenSecret: string;
  maxFrameBytes: number;
}

export function createRealtime(config: RealtimeConfig, deps: { db: Db; databaseUrl: string; log: Logger }) {
  const server = createRealtimeServer({
    db: deps.db,
    databaseUrl: deps.databaseUrl,
    tokenSecret: config.tokenSecret,
    log: deps.log,
    maxFrameBytes: config.maxFrameBytes,
  });
  let listening = false;
  return {
    server,
    async listen() {
      const port = await server.listen(config.port);
      listening = true;
      return port;
    },
    readiness: async () => {
      if (!listening) return { ok: false, detail: "socket.io not listening" };
      // A replica whose adapter lost its LISTEN connection would miss other replicas' emits.
      if (!server.adapterReady()) return { ok: false, detail: "socket.io adapter reconnecting" };
      return { ok: true, detail: `socket.io on :${config.port}` };
    },
    async close() {
      listening = false;
      await server.close();
    },
  };
}
