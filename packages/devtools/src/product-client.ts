// How benchmarks and fault scenarios reach a running product from outside, as a browser would:
// sign up over better-auth's HTTP API and keep the session cookie, then call tRPC procedures with
// it. Sign-ups are rate limited per client address, so a 429 waits as told (Retry-After) and
// tries again. Like a browser, a client keeps the cookies each response sets (`withSetCookies`):
// the session's signed copy (the cookie cache) is renewed that way once it is older than
// AUTH_SESSION_CACHE_SECONDS.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";

export interface SignedUpUser {
  id: string;
  /** The `cookie` header value of the new session. */
  cookie: string;
  /** The address it signed up with (to invite it to a project). */
  email: string;
}

export interface SignUpOptions {
  /** The product's base URL (http://127.0.0.1:3000). */
  base: string;
  /** The Origin header: the product refuses cross-site writes. */
  origin: string;
  name: string;
  /** Prefix of the generated e-mail address (a random part keeps it unique). */
  emailPrefix: string;
  password?: string;
  /**
   * The address this user signs up from, sent as X-Forwarded-For (which the product reads when
   * no proxy is configured): simulated users then get a rate limit each, as real ones on their
   * own machines would, instead of sharing 3 sign-ups per 10 s. Unset: the loopback address.
   */
  clientAddress?: string;
  /** Called before each wait on a 429. */
  onRateLimited?: (waitMs: number) => void;
  maxAttempts?: number;
}

export async function signUpOverHttp(options: SignUpOptions): Promise<SignedUpUser> {
  const maxAttempts = options.maxAttempts ?? 20;
  const email = `${options.emailPrefix}-${randomUUID()}@example.com`;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const res = await fetch(`${options.base}/api/auth/sign-up/email`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: options.origin,
        ...(options.clientAddress ? { "x-forwarded-for": options.clientAddress } : {}),
      },
      body: JSON.stringify({
        name: options.name,
        email,
        password: options.password ?? "bench-password-1",
      }),
    });
    if (res.status === 429) {
      const waitMs = 1000 * Math.max(1, Number(res.headers.get("retry-after") ?? 5));
      options.onRateLimited?.(waitMs);
      await sleep(waitMs);
      continue;
    }
    if (!res.ok) throw new Error(`sign-up answered ${res.status}: ${await res.text()}`);
    const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const body = (await res.json()) as { user: { id: string } };
    return { id: body.user.id, cookie, email };
  }
  throw new Error(`sign-up kept being rate-limited after ${maxAttempts} attempts`);
}

/** Where and as whom tRPC calls go: the product, the Origin it accepts writes from, a session. */
export interface ProductSession {
  base: string;
  origin: string;
  cookie: string;
}

/**
 * One tRPC procedure over HTTP, as the web app's client sends it: a mutation (and, unless `query`
 * is set, any procedure) as a POST with its input as the body, a query as a GET with `?input=`.
 * The answer is returned as is: callers differ in what a failure means to them.
 */
export function trpcFetch(
  session: ProductSession,
  procedure: string,
  input?: unknown,
  options: { query?: boolean; signal?: AbortSignal } = {},
): Promise<Response> {
  const headers = { "content-type": "application/json", cookie: session.cookie, origin: session.origin };
  const url = `${session.base}/api/trpc/${procedure}`;
  if (options.query) {
    const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return fetch(url + search, { headers, signal: options.signal });
  }
  return fetch(url, {
    method: "POST",
    headers,
    body: input === undefined ? undefined : JSON.stringify(input),
    signal: options.signal,
  });
}

/** The procedure's result from a tRPC answer's body (`result.data`). */
export function trpcData<T>(body: string): T {
  return (JSON.parse(body) as { result: { data: T } }).result.data;
}

/** The name/value pairs of a `cookie` header ("a=1; b=2"). */
export function cookiePairs(cookie: string): [name: string, value: string][] {
  const pairs: [string, string][] = [];
  for (const pair of cookie.split("; ")) {
    const eq = pair.indexOf("=");
    if (eq > 0) pairs.push([pair.slice(0, eq), pair.slice(eq + 1)]);
  }
  return pairs;
}

/**
 * The `cookie` header after `response`, as a browser would keep it: each Set-Cookie replaces the
 * cookie of that name, and one set empty or already expired (Max-Age=0) removes it.
 */
export function withSetCookies(cookie: string, response: Response): string {
  const setCookies = response.headers.getSetCookie();
  if (setCookies.length === 0) return cookie;
  const jar = new Map(cookiePairs(cookie));
  for (const setCookie of setCookies) {
    const [pair = "", ...attributes] = setCookie.split(";");
    const eq = pair.indexOf("=");
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const expired = attributes.some((a) => /^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(a));
    if (value === "" || expired) jar.delete(name);
    else jar.set(name, value);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}
