// Signs the short-lived token a browser presents to the workers' Socket.IO server. The session is
// checked when the token is issued (realtime.token is a protected procedure); the workers check
// only the signature and the expiry (apps/workers/src/realtime/realtime-token.ts explains why a
// token and not the session cookie, and verifies exactly this format):
//   base64url(JSON {"sub": userId, "exp": unix seconds}) "." base64url(HMAC-SHA256(secret, first part))
import { createHmac } from "node:crypto";

/** Long enough for a slow handshake, short enough that a leaked token is soon worthless. */
export const REALTIME_TOKEN_TTL_MS = 2 * 60 * 1000;

export function signRealtimeToken(userId: string, secret: string, expiresAt: Date): string {
  const body = Buffer.from(JSON.stringify({ sub: userId, exp: Math.floor(expiresAt.getTime() / 1000) })).toString("base64url");
  return `${body}.${createHmac("sha256", secret).update(body).digest("base64url")}`;
}
