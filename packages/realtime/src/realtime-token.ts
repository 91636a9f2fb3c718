// The short-lived token a browser presents in the Socket.IO handshake (`auth: { token }`).
//
// Why a token and not the session cookie: the web app owns sessions (better-auth signs its
// cookie with its own secret and may cache sessions in a cookie), the socket server is another
// origin in `npm start` (its own port), and a bearer token works the same behind an ingress and
// across origins. So the web app checks the session when it issues the token (`realtime.token`)
// and the workers only check a signature and an expiry: no session lookup per connection.
//
// The web app signs (realtime.token, after checking the session) and the workers verify, both
// with this one module, so the format cannot drift between them:
//   base64url(JSON {"sub": userId, "exp": unix seconds}) "." base64url(HMAC-SHA256(secret, first part))
// Node only (node:crypto): import it as "@taskboard/realtime/token", never from browser code.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** Long enough for a slow handshake, short enough that a leaked token is soon worthless. */
export const REALTIME_TOKEN_TTL_MS = 2 * 60 * 1000;

const ZClaimsSchema = z.object({ sub: z.string().min(1).max(200), exp: z.number().int().positive() });

export type TRealtimeTokenResult = { ok: true; userId: string; expiresAt: Date } | { ok: false; reason: string };

/** Never throws: any malformed, forged or expired token is `{ ok: false }`. */
export function verifyRealtimeToken(token: unknown, secret: string, now: Date = new Date()): TRealtimeTokenResult {
  if (typeof token !== "string" || token.length === 0) return { ok: false, reason: "missing token" };
  if (token.length > 1024) return { ok: false, reason: "malformed token" };
  const [body, signature, ...rest] = token.split(".");
  if (!body || !signature || rest.length > 0) return { ok: false, reason: "malformed token" };
  const expected = createHmac("sha256", secret).update(body).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "bad signature" };
  let claims: z.infer<typeof ZClaimsSchema>;
  try {
    claims = ZClaimsSchema.parse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
  } catch {
    return { ok: false, reason: "malformed token" };
  }
  if (claims.exp * 1000 <= now.getTime()) return { ok: false, reason: "expired token" };
  return { ok: true, userId: claims.sub, expiresAt: new Date(claims.exp * 1000) };
}

/** Issues a token: the web app for a signed-in user; the workers' tests to play the web app. */
export function signRealtimeToken(userId: string, secret: string, expiresAt: Date): string {
  const body = Buffer.from(JSON.stringify({ sub: userId, exp: Math.floor(expiresAt.getTime() / 1000) })).toString("base64url");
  return `${body}.${createHmac("sha256", secret).update(body).digest("base64url")}`;
}
