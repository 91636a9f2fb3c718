// Sign-in rate limits behind a proxy that appends to X-Forwarded-For (AUTH_TRUSTED_PROXIES,
// AUTH_IP_HEADERS): with the proxy trusted, each client behind it has its own limit and a value
// the client writes into the header itself changes nothing; without it, a multi-hop header names
// no trustworthy client, so a spoofed address lands in the one shared bucket and escapes nothing.
import type { TestDatabase } from "@taskboard/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_RATE_LIMIT_RULES, createAuth, type TAuth } from "@/auth/create-auth";
import { openTestDatabase } from "@/server/testing/test-database";

const baseURL = "http://localhost:3000";
const secret = "test-secret-that-is-at-least-32-characters-long";
/** An ingress-nginx pod as a second proxy hop would append it (Minikube's pod CIDR). */
const PROXY_CIDR = "10.244.0.0/16";
const PROXY_HOP = "10.244.3.17";
const { max } = AUTH_RATE_LIMIT_RULES["/sign-in/email"];
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await openTestDatabase();
});
afterAll(() => testDb.drop());

function limited(options: { trustedProxies?: string[]; ipAddressHeaders?: string[] } = {}): TAuth {
  return createAuth({ db: testDb.db, secret, baseURL, rateLimit: true, ...options });
}

async function signIn(auth: TAuth, headers: Record<string, string>): Promise<number> {
  const response = await auth.handler(
    new Request(`${baseURL}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseURL, ...headers },
      body: JSON.stringify({ email: "nobody@example.test", password: "wrong password" }),
    }),
  );
  return response.status;
}

/** What the app receives when `client` (optionally lying in its own header) is behind the proxy. */
function viaProxy(client: string, spoofed?: string): Record<string, string> {
  return { "x-forwarded-for": [spoofed, client, PROXY_HOP].filter(Boolean).join(", ") };
}

let spoofCounter = 0;
function spoofedAddress(): string {
  spoofCounter += 1;
  return `198.51.100.${spoofCounter}`;
}

describe("auth rate limits behind a proxy", () => {
  it("with the proxy trusted, two clients behind it have separate limits", async () => {
    const auth = limited({ trustedProxies: [PROXY_CIDR] });
    for (let i = 0; i < max; i++) expect(await signIn(auth, viaProxy("203.0.113.10"))).toBe(401);
    expect(await signIn(auth, viaProxy("203.0.113.10"))).toBe(429);
    expect(await signIn(auth, viaProxy("203.0.113.11"))).toBe(401);
  });

  it("with the proxy trusted, an address the client adds to the header does not buy a new limit", async () => {
    const auth = limited({ trustedProxies: [PROXY_CIDR] });
    for (let i = 0; i < max; i++) expect(await signIn(auth, viaProxy("203.0.113.20", spoofedAddress()))).toBe(401);
    expect(await signIn(auth, viaProxy("203.0.113.20", spoofedAddress()))).toBe(429);
    expect(await signIn(auth, viaProxy("203.0.113.20"))).toBe(429);
  });

  it("without trusted proxies, spoofed addresses all fall into one shared bucket (which is why the setting matters)", async () => {
    const auth = limited();
    for (let i = 0; i < max; i++) expect(await signIn(auth, viaProxy("203.0.113.30", spoofedAddress()))).toBe(401);
    expect(await signIn(auth, viaProxy("203.0.113.30", spoofedAddress()))).toBe(429);
    // An honest client behind the same proxy is refused with it: one limit for everyone.
    expect(await signIn(auth, viaProxy("203.0.113.31"))).toBe(429);
  });

  it("reads the client address from the configured header only", async () => {
    const auth = limited({ ipAddressHeaders: ["x-real-ip"] });
    const headers = () => ({ "x-real-ip": "203.0.113.40", "x-forwarded-for": spoofedAddress() });
    for (let i = 0; i < max; i++) expect(await signIn(auth, headers())).toBe(401);
    expect(await signIn(auth, headers())).toBe(429);
    expect(await signIn(auth, { "x-real-ip": "203.0.113.41" })).toBe(401);
  });
});
