// The session cookie cache and its revocation bound (README, Security): a request resolves its
// session from a signed copy in a cookie for up to DEFAULT_SESSION_COOKIE_CACHE_SECONDS, so a copy
// of the cookies of a session that was signed out, or revoked from another device, keeps working
// until then, and not a moment longer. The clock is faked (Date only: timers, Prisma and
// node-postgres run for real) to stand exactly before and after the bound.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TestDatabase } from "@taskboard/db/testing";
import { openTestDatabase } from "@/server/testing/test-database";
import { createTRPCContext } from "@/trpc/init";
import { createAuth, DEFAULT_SESSION_COOKIE_CACHE_SECONDS, type TAuth } from "./create-auth";

const baseURL = "http://localhost:3000";
const BOUND_MS = DEFAULT_SESSION_COOKIE_CACHE_SECONDS * 1000;
const PASSWORD = "correct horse";
let testDb: TestDatabase;
let auth: TAuth;

beforeAll(async () => {
  testDb = await openTestDatabase();
  // The production default: no sessionCookieCacheSeconds given.
  auth = createAuth({ db: testDb.db, secret: "test-secret-that-is-at-least-32-characters-long", baseURL });
});
afterAll(() => testDb.drop());
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-01T10:00:00Z"));
});
afterEach(() => vi.useRealTimers());

function post(path: string, body: unknown, cookie?: string) {
  return auth.handler(
    new Request(`${baseURL}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseURL, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    }),
  );
}

/** "name=value" pairs of every Set-Cookie, joined as a browser would send them back. */
function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

async function signIn(email: string): Promise<string> {
  const response = await post("/sign-in/email", { email, password: PASSWORD });
  expect(response.status).toBe(200);
  const cookie = cookieHeader(response);
  // Both: the session token, and the signed copy of the session the cache reads.
  expect(cookie).toMatch(/better-auth\.session_token=[^;]+/);
  expect(cookie).toMatch(/better-auth\.session_data=[^;]+/);
  return cookie;
}

async function userOf(cookie: string) {
  return (await createTRPCContext({ headers: new Headers({ cookie }), db: testDb.db, auth })).user;
}

const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);

describe(`session cookie cache (revocation bound ${DEFAULT_SESSION_COOKIE_CACHE_SECONDS} s)`, () => {
  beforeAll(async () => {
    const signUp = await post("/sign-up/email", { name: "Ada", email: "ada@example.test", password: PASSWORD });
    expect(signUp.status).toBe(200);
  });

  it("after sign-out, a copy of the old cookies works from the cache until the bound, then never again", async () => {
    const cookie = await signIn("ada@example.test");
    const signOut = await post("/sign-out", {}, cookie);
    expect(signOut.status).toBe(200);
    // The browser that signed out drops both cookies; a copy taken before still holds them.
    expect(signOut.headers.getSetCookie().join("\n")).toMatch(/better-auth\.session_token=;/);

    advance(BOUND_MS - 1_000);
    expect((await userOf(cookie))?.email).toBe("ada@example.test");
    // The token alone goes to the database, where the session is gone already.
    expect(await userOf(cookie.split("; ").filter((c) => c.startsWith("better-auth.session_token=")).join("; "))).toBeNull();

    advance(1_001);
    expect(await userOf(cookie)).toBeNull();
    advance(BOUND_MS);
    expect(await userOf(cookie)).toBeNull();
  });

  it("a session revoked from another device stops working within the bound", async () => {
    const laptop = await signIn("ada@example.test");
    const phone = await signIn("ada@example.test");
    const revoke = await post("/revoke-other-sessions", {}, phone);
    expect(revoke.status).toBe(200);

    advance(BOUND_MS - 1_000);
    expect((await userOf(laptop))?.email).toBe("ada@example.test");
    advance(1_001);
    expect(await userOf(laptop)).toBeNull();
    // The device that revoked the others keeps its session (through the database now).
    expect((await userOf(phone))?.email).toBe("ada@example.test");
  });
});
