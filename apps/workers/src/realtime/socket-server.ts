// The Socket.IO server the browsers keep open for live updates, on its own port (SOCKET_PORT,
// separate from health/metrics and the Dapr callback port).
//
// - Auth: every handshake must carry a valid, unexpired token from the web app
//   (@taskboard/realtime/token explains why a token rather than the session cookie). No anonymous sockets,
//   and none outliving its token: the client sends `auth:refresh` with a new one in time, or the
//   server disconnects it at expiry.
// - Rooms: a socket joins exactly `user:<its user id>` and nothing else; clients cannot join rooms.
// - Transport: websocket only, so a connection is one TCP stream to one replica and no sticky
//   sessions are needed (docs/traps.md #17). Long-polling would need them.
// - Replicas: every replica consumes a share of events, so a room emit must reach sockets held by
//   the others: @socket.io/postgres-adapter over the same DATABASE_URL (LISTEN/NOTIFY; payloads
//   over 8000 bytes go through the socket_io_attachments table of migration 004).
//   That adapter does NOT support Socket.IO connection-state recovery, so it is not enabled:
//   a reconnecting browser catches up from the user_changes feed by seq instead (docs/traps.md #17/18).
// - Input: frames over `maxHttpBufferSize` are refused; every client message is validated
//   (@taskboard/realtime client-messages.ts); unknown ones get an error ack and change nothing.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createAdapter } from "@socket.io/postgres-adapter";
import { latestUserChangeSeq, type Db } from "@taskboard/db";
import pg from "pg";
import type { Logger } from "pino";
import { Server, type Socket } from "socket.io";
import { CHANGE_EVENT, CLIENT_MESSAGES, ERROR_EVENT, isClientMessage, userRoom, type TAck, type TUserChangeMessage } from "@taskboard/realtime";
import { verifyRealtimeToken } from "@taskboard/realtime/token";

/** Client messages are tiny; a snapshot never travels browser → server. */
export const DEFAULT_MAX_FRAME_BYTES = 16 * 1024;

export interface RealtimeServerOptions {
  db: Db;
  /** Where the cross-replica adapter LISTENs and NOTIFYs (the product's database). */
  databaseUrl: string;
  tokenSecret: string;
  log: Logger;
  maxFrameBytes?: number;
}

export interface RealtimeServer {
  /** Resolves with the bound port (pass 0 for any free port). */
  listen(port: number): Promise<number>;
  /** Sends a change to every socket of the user, on every replica. */
  emitToUser(userId: string, change: TUserChangeMessage): void;
  /** For tests and readiness: the Socket.IO server itself. */
  readonly io: Server;
  /** True once the cross-replica adapter is LISTENing (emits from other replicas arrive). */
  adapterReady(): boolean;
  close(): Promise<void>;
}

interface SocketData {
  userId: string;
  expiresAt: Date;
}

export function createRealtimeServer(options: RealtimeServerOptions): RealtimeServer {
  const log = options.log.child({ component: "realtime" });
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 4 });
  pool.on("error", (error) => log.warn({ err: error }, "socket adapter pool error"));
  // The adapter keeps one client checked out for LISTEN and only listens for its "end" (to
  // reconnect); an "error" on it (database restart, failover) would otherwise crash the process.
  pool.on("connect", (client) => client.on("error", (error) => log.warn({ err: error }, "socket adapter connection lost")));
  const httpServer = http.createServer((_req, res) => {
    res.writeHead(404).end();
  });
  const io = new Server<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>(httpServer, {
    transports: ["websocket"],
    serveClient: false,
    maxHttpBufferSize: options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES,
    adapter: createAdapter(pool, { errorHandler: (error) => log.warn({ err: error }, "socket adapter error") }),
  });

  io.use((socket, next) => {
    const verdict = verifyRealtimeToken(socket.handshake.auth?.token, options.tokenSecret);
    if (!verdict.ok) {
      log.debug({ reason: verdict.reason }, "socket refused");
      return next(new Error("unauthorized"));
    }
    socket.data.userId = verdict.userId;
    socket.data.expiresAt = verdict.expiresAt;
    next();
  });

  io.on("connection", (socket) => {
    const userId = socket.data.userId;
    void socket.join(userRoom(userId));
    let expiry: ReturnType<typeof setTimeout> | undefined;
    const expireAt = (at: Date) => {
      clearTimeout(expiry);
      expiry = setTimeout(() => socket.disconnect(true), Math.max(0, at.getTime() - Date.now()));
    };
    expireAt(socket.data.expiresAt);
    socket.on("disconnect", () => clearTimeout(expiry));
    socket.onAny((name: string, ...args: unknown[]) => {
      if (!isClientMessage(name)) reject(socket, args, `unknown message "${String(name)}"`);
    });
    socket.on("sync:latest", async (...args: unknown[]) => {
      const ack = ackOf(args);
      const parsed = CLIENT_MESSAGES["sync:latest"].safeParse(args.length > (ack ? 1 : 0) ? args[0] : {});
      if (!parsed.success || args.length > 2) return reject(socket, args, "invalid sync:latest payload");
      try {
        const latestSeq = await latestUserChangeSeq(options.db, userId);
        ack?.({ ok: true, data: { latestSeq } } satisfies TAck<{ latestSeq: number }>);
      } catch (error) {
        log.warn({ err: error }, "sync:latest failed");
        ack?.({ ok: false, error: "temporarily unavailable" } satisfies TAck<never>);
      }
    });
    socket.on("auth:refresh", (...args: unknown[]) => {
      const parsed = CLIENT_MESSAGES["auth:refresh"].safeParse(args[0]);
      if (!parsed.success || args.length > 2) return reject(socket, args, "invalid auth:refresh payload");
      const verdict = verifyRealtimeToken(parsed.data.token, options.tokenSecret);
      // Another user's token never moves a socket to another room; it is simply refused.
      if (!verdict.ok || verdict.userId !== userId) return reject(socket, args, "token refused");
      socket.data.expiresAt = verdict.expiresAt;
      expireAt(verdict.expiresAt);
      ackOf(args)?.({ ok: true, data: { expiresAt: verdict.expiresAt.toISOString() } } satisfies TAck<{ expiresAt: string }>);
    });
  });

  return {
    io: io as unknown as Server,
    adapterReady: () => adapterListening(io as unknown as Server),
    async listen(port) {
      // Not serving before the adapter LISTENs: a socket accepted earlier could miss emits from
      // other replicas, and closing during the adapter's start would leak its connection.
      const deadline = Date.now() + 15_000;
      while (!adapterListening(io as unknown as Server)) {
        if (Date.now() > deadline) throw new Error("Socket.IO adapter did not start LISTENing within 15 s");
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, () => resolve((httpServer.address() as AddressInfo).port));
      });
    },
    emitToUser(userId, change) {
      (io as unknown as Server).to(userRoom(userId)).emit(CHANGE_EVENT, change);
    },
    async close() {
      // Disconnects every socket, closes the adapter (its LISTEN connection) and the HTTP server.
      await io.close();
      await pool.end().catch(() => undefined);
    },
  };
}

function ackOf(args: unknown[]): ((response: unknown) => void) | undefined {
  const last = args.at(-1);
  return typeof last === "function" ? (last as (response: unknown) => void) : undefined;
}

/** An error ack when the client asked for one, else an "error" event on its socket only. */
function reject(socket: Socket, args: unknown[], error: string): void {
  const ack = ackOf(args);
  const response: TAck<never> = { ok: false, error };
  if (ack) ack(response);
  else socket.emit(ERROR_EVENT, response);
}

/**
 * @socket.io/postgres-adapter 0.5 exposes no "ready" signal; its PubSubClient sets `client` once
 * the LISTEN queries have run. Read that (checked by the two-replica test on every upgrade).
 */
function adapterListening(io: Server): boolean {
  const adapter = io.of("/").adapter as unknown as { client?: { client?: unknown } };
  return adapter.client?.client !== undefined;
}
