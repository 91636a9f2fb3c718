// Accounts under attack, through better-auth's own handler and the real /api/trpc handler:
// sign-out kills the session on the server (a copy of its signed session cookie, the cookie cache,
// lasts until the stated bound, never longer), sign-in/sign-up are rate-limited per client IP,
// the password policy is enforced with clear messages, and no password reaches any output.
import type { TestDatabase } from "@taskboard/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import {
  AUTH_RATE_LIMIT_RULES,
  createAuth,
  DEFAULT_SESSION_COOKIE_CACHE_SECONDS,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type TAuth,
} from "@/auth/create-auth";
import { openTestDatabase } from "@/server/testing/test-database";
import { authPost, sessionCookie } from "@/server/testing/sign-up-cookie";
import { createTrpcHttpHandler } from "@/trpc/http-handler";

const baseURL = "http://localhost:3000";
const secret = "test-secret-that-is-at-least-32-characters-long";
let testDb: TestDatabase;
let auth: TAuth;
let limitedAuth: TAuth;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  testDb = await openTestDatabase();
  auth = createAuth({ db: testDb.db, secret, baseURL });
  limitedAuth = createAuth({ db: testDb.db, secret, baseURL, rateLimit: true });
  handle = createTrpcHttpHandler({ getDeps: () => ({ db: testDb.db, auth }), appOrigin: () => baseURL });
});
afterAll(() => testDb.drop());

let ipCounter = 10;
/** A fresh client address per test: the limiter's memory store is shared by every auth instance. */
function freshIp(): string {
  ipCounter += 1;
  return `203.0.113.${ipCounter}`;
}

const post = (instance: TAuth, path: string, body: unknown, extra: Record<string, string> = {}) => authPost(instance, baseURL, path, body, extra);
const cookieOf = sessionCookie;

function me(cookie: string) {
  return handle(new Request(`${baseURL}/api/trpc/user.me`, { headers: { cookie } }));
}

let emailCounter = 0;
function email(label: string) {
  emailCounter += 1;
  return `${label}-${emailCounter}@example.test`;
}

/** The session token alone: what the server looks up in the database, without the cookie cache's copy. */
function tokenOnly(cookie: string): string {
  return cookie
    .split("; ")
    .filter((c) => c.startsWith("better-auth.session_token="))
    .join("; ");
}

/** Runs `check` with the clock (Date only) just past the cookie cache's revocation bound. */
async function pastTheCacheBound(check: () => Promise<void>) {
  vi.useFakeTimers({ toFake: ["Date"] });
  try {
    vi.setSystemTime(Date.now() + DEFAULT_SESSION_COOKIE_CACHE_SECONDS * 1000 + 1);
    await check();
  } finally {
    vi.useRealTimers();
  }
}

describe("sign-out", () => {
  it("invalidates the session on the server: the old token no longer works for user.me, a copy of the whole cookie not past the bound", async () => {
    const address = email("signout");
    const signUp = await post(auth, "/sign-up/email", { name: "Out", email: address, password: "correct horse" });
    expect(signUp.status).toBe(200);
    const cookie = cookieOf(signUp);
    expect((await me(cookie)).status).toBe(200);

    const signOut = await post(auth, "/sign-out", {}, { cookie });
    expect(signOut.status).toBe(200);

    // The browser would drop the cookies; an attacker who copied them replays them.
    const replay = await me(tokenOnly(cookie));
    expect(replay.status).toBe(401);
    expect((await replay.json()).error.message).toBe("Please sign in to continue.");
    await pastTheCacheBound(async () => {
      const late = await me(cookie);
      expect(late.status).toBe(401);
      expect((await late.json()).error.message).toBe("Please sign in to continue.");
    });
    const user = await testDb.db.user.findUniqueOrThrow({ where: { email: address } });
    expect(await testDb.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("signing out one device leaves the other device's session alone", async () => {
    const address = email("devices");
    const first = cookieOf(await post(auth, "/sign-up/email", { name: "Two", email: address, password: "correct horse" }));
    const second = cookieOf(await post(auth, "/sign-in/email", { email: address, password: "correct horse" }));
    await post(auth, "/sign-out", {}, { cookie: first });
    expect((await me(tokenOnly(first))).status).toBe(401);
    await pastTheCacheBound(async () => {
      expect((await me(first)).status).toBe(401);
      expect((await me(second)).status).toBe(200);
    });
  });

  it("a forged or tampered session cookie is refused", async () => {
    const cookie = cookieOf(await post(auth, "/sign-up/email", { name: "Tamper", email: email("tamper"), password: "correct horse" }));
    const tampered = cookie.replace(/session_token=([^;.]*)/, (_m, token: string) => `session_token=${token.slice(0, -2)}xx`);
    expect(tampered).not.toBe(cookie);
    expect((await me(tampered)).status).toBe(401);
    expect((await me("better-auth.session_token=forged.signature")).status).toBe(401);
  });
});

describe("rate limiting of the email endpoints", () => {
  it("pins sensible limits for sign-in and sign-up", () => {
    for (const rule of Object.values(AUTH_RATE_LIMIT_RULES)) {
      expect(rule.max).toBeLessThanOrEqual(10);
      expect(rule.window).toBeGreaterThanOrEqual(10);
    }
  });

  it("answers a password-guessing burst on sign-in with 429 and a clear message, even for the right password", async () => {
    const address = email("brute");
    await post(auth, "/sign-up/email", { name: "Brute", email: address, password: "correct horse" });
    const ip = freshIp();
    const { max } = AUTH_RATE_LIMIT_RULES["/sign-in/email"];
    for (let i = 0; i < max; i++) {
      const guess = await post(limitedAuth, "/sign-in/email", { email: address, password: `guess ${i} wrong` }, { "x-forwarded-for": ip });
      expect(guess.status).toBe(401);
    }
    const blocked = await post(limitedAuth, "/sign-in/email", { email: address, password: "correct horse" }, { "x-forwarded-for": ip });
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).message).toMatch(/too many requests.*try again later/i);
    expect(Number(blocked.headers.get("x-retry-after"))).toBeGreaterThan(0);
    expect(blocked.headers.getSetCookie()).toEqual([]);

    // Another client is not punished for this one's burst.
    const other = await post(limitedAuth, "/sign-in/email", { email: address, password: "correct horse" }, { "x-forwarded-for": freshIp() });
    expect(other.status).toBe(200);
  });

  it("limits sign-up bursts too, and a refused sign-up creates no account", async () => {
    const ip = freshIp();
    const { max } = AUTH_RATE_LIMIT_RULES["/sign-up/email"];
    for (let i = 0; i < max; i++) {
      const ok = await post(limitedAuth, "/sign-up/email", { name: "Spam", email: email("spam"), password: "correct horse" }, { "x-forwarded-for": ip });
      expect(ok.status).toBe(200);
    }
    const refusedEmail = email("spam-refused");
    const refused = await post(limitedAuth, "/sign-up/email", { name: "Spam", email: refusedEmail, password: "correct horse" }, { "x-forwarded-for": ip });
    expect(refused.status).toBe(429);
    expect((await refused.json()).message).toMatch(/too many requests/i);
    expect(await testDb.db.user.count({ where: { email: refusedEmail } })).toBe(0);
  });

  it("lets a client in again once the window has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const address = email("window");
      await post(auth, "/sign-up/email", { name: "Window", email: address, password: "correct horse" });
      const ip = freshIp();
      const { max, window } = AUTH_RATE_LIMIT_RULES["/sign-in/email"];
      for (let i = 0; i < max; i++) await post(limitedAuth, "/sign-in/email", { email: address, password: "nope nope" }, { "x-forwarded-for": ip });
      expect((await post(limitedAuth, "/sign-in/email", { email: address, password: "correct horse" }, { "x-forwarded-for": ip })).status).toBe(429);
      vi.setSystemTime(Date.now() + (window + 1) * 1000);
      expect((await post(limitedAuth, "/sign-in/email", { email: address, password: "correct horse" }, { "x-forwarded-for": ip })).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("password policy", () => {
  it(`refuses fewer than ${PASSWORD_MIN_LENGTH} characters with a clear message and creates nothing`, async () => {
    const address = email("short");
    const response = await post(auth, "/sign-up/email", { name: "Short", email: address, password: "x".repeat(PASSWORD_MIN_LENGTH - 1) });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/password too short/i);
    expect(await testDb.db.user.count({ where: { email: address } })).toBe(0);
  });

  it(`refuses more than ${PASSWORD_MAX_LENGTH} characters with a clear message and creates nothing`, async () => {
    const address = email("long");
    const response = await post(auth, "/sign-up/email", { name: "Long", email: address, password: "x".repeat(PASSWORD_MAX_LENGTH + 1) });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/password too long/i);
    expect(await testDb.db.user.count({ where: { email: address } })).toBe(0);
  });

  it("accepts exactly the minimum and the maximum", async () => {
    expect(PASSWORD_MIN_LENGTH).toBeGreaterThanOrEqual(8);
    expect(PASSWORD_MAX_LENGTH).toBeGreaterThanOrEqual(64);
    expect(PASSWORD_MAX_LENGTH).toBeLessThanOrEqual(1024);
    for (const length of [PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH]) {
      const response = await post(auth, "/sign-up/email", { name: "Edge", email: email("edge"), password: "p".repeat(length) });
      expect(response.status).toBe(200);
    }
  });

  it("answers a megabyte-long password on sign-in with a 4xx, not a 500 or a hang", async () => {
    const started = Date.now();
    const response = await post(auth, "/sign-in/email", { email: email("nobody"), password: "x".repeat(1_000_000) });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("hostile sign-up and sign-in bodies", () => {
  it.each([
    ["an empty name", "   ", /name must not be empty/i],
    ["a huge name", "x".repeat(NAME_MAX_LENGTH + 1), /at most 100 characters/i],
    ["a name with U+0000", "a\u0000b", /NUL character/],
  ])("refuses %s with a 400 and a clear message, and creates nothing", async (_label, name, message) => {
    const address = email("badname");
    const response = await post(auth, "/sign-up/email", { name, email: address, password: "correct horse" });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(message);
    expect(await testDb.db.user.count({ where: { email: address } })).toBe(0);
  });

  it("a signed-in user cannot rename themselves past the same rules", async () => {
    const cookie = cookieOf(await post(auth, "/sign-up/email", { name: "Renamer", email: email("rename"), password: "correct horse" }));
    const response = await post(auth, "/update-user", { name: "y".repeat(NAME_MAX_LENGTH + 1) }, { cookie });
    expect(response.status).toBe(400);
    expect((await (await me(cookie)).json()).result.data.name).toBe("Renamer");
  });

  it("arbitrary JSON to sign-up and sign-in is never a 5xx, and an error creates no account", async () => {
    const field = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 60 }), fc.jsonValue({ maxDepth: 2 }));
    const body = fc.oneof(
      fc.record({ name: field, email: fc.oneof(field, fc.emailAddress()), password: field }, { requiredKeys: [] }),
      fc.jsonValue({ maxDepth: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("/sign-up/email", "/sign-in/email"), body, async (path, candidate) => {
        const users = await testDb.db.user.count();
        const response = await post(auth, path, candidate);
        expect(response.status, `${path} ${JSON.stringify(candidate).slice(0, 200)}`).toBeLessThan(500);
        if (response.status >= 400) expect(await testDb.db.user.count()).toBe(users);
      }),
      { numRuns: 80 },
    );
  });
});

describe("secrets never reach the output", () => {
  it("signing up, failing to sign in and signing in print nothing that contains the password or the session token", async () => {
    const password = "Recognisable-Pa55word-7f3a";
    const captured: string[] = [];
    const capture =
      (original: (...args: never[]) => unknown) =>
      (...args: unknown[]) => {
        captured.push(args.map((a) => (typeof a === "string" ? a : (JSON.stringify(a) ?? String(a)))).join(" "));
        return (original as (...a: unknown[]) => unknown)(...args);
      };
    const spies = [
      vi.spyOn(console, "log").mockImplementation(capture(() => undefined)),
      vi.spyOn(console, "info").mockImplementation(capture(() => undefined)),
      vi.spyOn(console, "warn").mockImplementation(capture(() => undefined)),
      vi.spyOn(console, "error").mockImplementation(capture(() => undefined)),
      vi.spyOn(console, "debug").mockImplementation(capture(() => undefined)),
      vi.spyOn(process.stdout, "write").mockImplementation(capture(() => true) as never),
      vi.spyOn(process.stderr, "write").mockImplementation(capture(() => true) as never),
    ];
    let token = "";
    try {
      const address = email("secret");
      const signUp = await post(auth, "/sign-up/email", { name: "Secret", email: address, password });
      token = /session_token=([^;]+)/.exec(cookieOf(signUp))?.[1] ?? "";
      await post(auth, "/sign-in/email", { email: address, password: `${password}-wrong` });
      await post(limitedAuth, "/sign-in/email", { email: address, password }, { "x-forwarded-for": freshIp() });
      await post(auth, "/sign-up/email", { name: "Secret", email: address, password }); // duplicate
      await post(auth, "/sign-up/email", { name: "Secret", email: email("secret-short"), password: "short" });
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(token.length).toBeGreaterThan(10);
    const output = captured.join("\n");
    expect(output).not.toContain(password);
    expect(output).not.toContain(decodeURIComponent(token).split(".")[0]);
  });

  it("the stored credential is a hash, never the password", async () => {
    const password = "Another-Recognisable-9d1c";
    const address = email("hash");
    await post(auth, "/sign-up/email", { name: "Hash", email: address, password });
    const user = await testDb.db.user.findUniqueOrThrow({ where: { email: address } });
    const account = await testDb.db.account.findFirstOrThrow({ where: { userId: user.id, providerId: "credential" } });
    expect(account.password).toBeTruthy();
    expect(account.password).not.toContain(password);
    expect(JSON.stringify(user)).not.toContain(password);
  });
});
