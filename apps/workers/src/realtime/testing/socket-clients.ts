// Real socket.io-client connections for the realtime tests, and a way to wait for what they get.
import { io as connect, type Socket } from "socket.io-client";
import { signRealtimeToken } from "@taskboard/realtime/token";
import type { TUserChangeMessage } from "@taskboard/realtime";

export const TEST_SECRET = "test-realtime-secret-at-least-32-characters";

export function tokenFor(userId: string, secret = TEST_SECRET, ttlMs = 60_000): string {
  return signRealtimeToken(userId, secret, new Date(Date.now() + ttlMs));
}

export interface TestClient {
  socket: Socket;
  changes: TUserChangeMessage[];
}

/** Resolves once connected; rejects with the server's refusal message. */
export function connectClient(port: number, auth: Record<string, unknown> | undefined): Promise<TestClient> {
  const socket = connect(`http://127.0.0.1:${port}`, {
    transports: ["websocket"],
    auth,
    reconnection: false,
    forceNew: true,
    timeout: 5_000,
  });
  const changes: TUserChangeMessage[] = [];
  socket.on("change", (change: TUserChangeMessage) => changes.push(change));
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve({ socket, changes }));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Lets in-flight packets arrive: used only to show that something did NOT arrive. */
export function settle(ms = 300): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
