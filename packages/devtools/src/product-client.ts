// How benchmarks and fault scenarios reach a running product from outside, as a browser would:
// sign up over better-auth's HTTP API and keep the session cookie. Sign-ups are rate limited per
// client address, so a 429 waits as told (Retry-After) and tries again.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";

export interface SignedUpUser {
  id: string;
  /** The `cookie` header value of the new session. */
  cookie: string;
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
  /** Called before each wait on a 429. */
  onRateLimited?: (waitMs: number) => void;
  maxAttempts?: number;
}

export async function signUpOverHttp(options: SignUpOptions): Promise<SignedUpUser> {
  const maxAttempts = options.maxAttempts ?? 20;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const res = await fetch(`${options.base}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: options.origin },
      body: JSON.stringify({
        name: options.name,
        email: `${options.emailPrefix}-${randomUUID()}@example.com`,
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
    return { id: body.user.id, cookie };
  }
  throw new Error(`sign-up kept being rate-limited after ${maxAttempts} attempts`);
}
