// `npm start` sets APP_URL to http://localhost:<port>, but people open http://127.0.0.1:<port> or
// http://[::1]:<port>: the same server, so sign-up, sign-in and tRPC writes must work from there,
// with a session cookie the browser keeps for that host. Every other origin stays refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@taskboard/db/testing";
import { createAuth, type TAuth } from "@/auth/create-auth";
import { openTestDatabase } from "@/server/testing/test-database";
import { authPost as postToAuth, sessionCookie } from "@/server/testing/sign-up-cookie";
import { createTrpcHttpHandler } from "@/trpc/http-handler";

const APP_URL = "http://localhost:3000";
const SECRET = "test-secret-that-is-at-least-32-characters-long";
let testDb: TestDatabase;
let auth: TAuth;
let trpc: (request: Request) => Promise<Response>;

beforeAll(async () => {
  testDb = await openTestDatabase();
  // Wired as the routes wire them: both are told APP_URL and nothing else.
  auth = createAuth({ db: testDb.db, secret: SECRET, baseURL: APP_URL });
  trpc = createTrpcHttpHandler({ getDeps: () => ({ db: testDb.db, auth }), appOrigin: () => new URL(APP_URL).origin });
});
afterAll(() => testDb.drop());

let accounts = 0;
/** What the browser on `origin` sends to the app's auth endpoint; the request goes to that host too. */
const authPost = (via: TAuth, origin: string, path: string, body: unknown) =>
  postToAuth(via, origin, path, body, { "sec-fetch-site": "same-origin", "sec-fetch-mode": "cors" });

function createTask(origin: string, cookie: string) {
  return trpc(
    new Request(`${origin}/api/trpc/task.create`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, cookie },
      body: JSON.stringify({ title: `from ${origin}` }),
    }),
  );
}

const cookieHeader = sessionCookie;

describe.each(["http://127.0.0.1:3000", "http://[::1]:3000", "http://localhost:3000"])("the app opened at %s", (origin) => {
  const email = `loopback-${++accounts}@example.test`;

  it("signs up and sets a session cookie the browser keeps for that host over http", async () => {
    const response = await authPost(auth, origin, "/sign-up/email", { name: "Loopback", email, password: "long enough" });
    expect(response.status, await response.clone().text()).toBe(200);
    const session = response.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="));
    expect(session).toMatch(/^better-auth\.session_token=[^;]+;/);
    // A Domain=localhost or Secure cookie would be dropped by a browser on http://127.0.0.1.
    expect(session).not.toMatch(/;\s*domain=/i);
    expect(session).not.toMatch(/;\s*secure/i);
  });

  it("signs in and creates a task through tRPC with that session", async () => {
    const signIn = await authPost(auth, origin, "/sign-in/email", { email, password: "long enough" });
    expect(signIn.status, await signIn.clone().text()).toBe(200);
    const created = await createTask(origin, cookieHeader(signIn));
    expect(created.status, await created.clone().text()).toBe(200);
    expect((await created.json()).result.data.title).toBe(`from ${origin}`);
  });
});

describe("other origins", () => {
  const refused = ["http://evil.example", "http://127.0.0.1:9999", "http://localhost:3001", "https://127.0.0.1:3000", "http://127.0.0.2:3000"];
  let cookie: string;
  beforeAll(async () => {
    cookie = cookieHeader(await authPost(auth, APP_URL, "/sign-up/email", { name: "Victim", email: "victim@example.test", password: "long enough" }));
    expect(cookie).toContain("better-auth.session_token=");
  });

  it.each(refused)("%s cannot write through tRPC (403)", async (origin) => {
    const before = await testDb.db.task.count();
    const response = await createTask(origin, cookie);
    expect(response.status).toBe(403);
    expect(await testDb.db.task.count()).toBe(before);
  });

  it.each(refused)("%s cannot sign up (403 Invalid origin)", async (origin) => {
    const response = await authPost(auth, origin, "/sign-up/email", { name: "X", email: `x-${refused.indexOf(origin)}@example.test`, password: "long enough" });
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/invalid origin/i);
  });

  it("loopback aliases are not trusted when APP_URL is a public host", async () => {
    const publicAuth = createAuth({ db: testDb.db, secret: SECRET, baseURL: "https://tasks.example.com" });
    const publicTrpc = createTrpcHttpHandler({ getDeps: () => ({ db: testDb.db, auth: publicAuth }), appOrigin: () => "https://tasks.example.com" });
    const signUp = await authPost(publicAuth, "http://127.0.0.1:3000", "/sign-up/email", { name: "X", email: "public@example.test", password: "long enough" });
    expect(signUp.status).toBe(403);
    const write = await publicTrpc(
      new Request("http://127.0.0.1:3000/api/trpc/task.create", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://127.0.0.1:3000", cookie },
        body: JSON.stringify({ title: "x" }),
      }),
    );
    expect(write.status).toBe(403);
  });
});
