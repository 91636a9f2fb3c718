// Integration tests that go through the real HTTP path need a browser's session: sign up through
// better-auth's own handler and keep the cookie it sets.
import type { TAuth } from "@/auth/create-auth";

export async function signUpCookie(auth: TAuth, baseURL: string, user: { name: string; email: string }): Promise<string> {
  const response = await auth.handler(
    new Request(`${baseURL}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseURL },
      body: JSON.stringify({ ...user, password: "long enough" }),
    }),
  );
  if (!response.ok) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}
