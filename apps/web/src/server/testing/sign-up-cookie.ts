// Integration tests that go through the real HTTP path need a browser's session: sign up (or in)
// through better-auth's own handler and keep the cookie it sets.
import type { TAuth } from "@/auth/create-auth";

/**
 * A same-origin JSON POST to better-auth's handler at `/api/auth<path>`, as the browser on
 * `baseURL` sends it; `extra` is a session cookie or any further headers (x-forwarded-for...).
 */
export function authPost(auth: TAuth, baseURL: string, path: string, body: unknown, extra?: string | Record<string, string>): Promise<Response> {
  const headers = typeof extra === "string" ? { cookie: extra } : (extra ?? {});
  return auth.handler(
    new Request(`${baseURL}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseURL, ...headers },
      body: JSON.stringify(body),
    }),
  );
}

/** "name=value" pairs of every Set-Cookie, joined as a browser would send them back. */
export function sessionCookie(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

export async function signUpCookie(auth: TAuth, baseURL: string, user: { name: string; email: string }): Promise<string> {
  const response = await authPost(auth, baseURL, "/sign-up/email", { ...user, password: "long enough" });
  if (!response.ok) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  return sessionCookie(response);
}
