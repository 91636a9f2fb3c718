// Accounts end to end: sign up and sign in through better-auth's own handler, then the session
// cookie it sets is what createTRPCContext resolves to the user.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@taskboard/db/testing";
import { authPost, sessionCookie } from "@/server/testing/sign-up-cookie";
import { openTestDatabase } from "@/server/testing/test-database";
import { createTRPCContext } from "@/trpc/init";
import { createAuth, type TAuth } from "./create-auth";

const baseURL = "http://localhost:3000";
let testDb: TestDatabase;
let auth: TAuth;

beforeAll(async () => {
  testDb = await openTestDatabase();
  auth = createAuth({ db: testDb.db, secret: "test-secret-that-is-at-least-32-characters-long", baseURL });
});
afterAll(() => testDb.drop());

const post = (path: string, body: unknown, cookie?: string) => authPost(auth, baseURL, path, body, cookie);

describe("better-auth with email and password", () => {
  it("signs up, signs in and yields a session cookie the tRPC context accepts", async () => {
    const signUp = await post("/sign-up/email", { name: "Grace", email: "grace@example.test", password: "correct horse" });
    expect(signUp.status).toBe(200);
    const user = await testDb.db.user.findUniqueOrThrow({ where: { email: "grace@example.test" } });
    expect(await testDb.db.account.count({ where: { userId: user.id, providerId: "credential" } })).toBe(1);

    const signIn = await post("/sign-in/email", { email: "grace@example.test", password: "correct horse" });
    expect(signIn.status).toBe(200);
    const cookie = sessionCookie(signIn);
    expect(cookie).toContain("better-auth.session_token=");
    expect(await testDb.db.session.count({ where: { userId: user.id } })).toBe(2);

    const ctx = await createTRPCContext({ headers: new Headers({ cookie }), db: testDb.db, auth });
    expect(ctx.user).toEqual({ id: user.id, name: "Grace", email: "grace@example.test" });
  });

  it("refuses a wrong password and a short password, and resolves no user without a cookie", async () => {
    const wrong = await post("/sign-in/email", { email: "grace@example.test", password: "wrong password" });
    expect(wrong.status).toBe(401);
    const short = await post("/sign-up/email", { name: "Bob", email: "bob@example.test", password: "1234567" });
    expect(short.status).toBe(400);
    expect(await testDb.db.user.count({ where: { email: "bob@example.test" } })).toBe(0);
    const ctx = await createTRPCContext({ headers: new Headers(), db: testDb.db, auth });
    expect(ctx.user).toBeNull();
  });

  it("a signed-out session's token no longer authenticates", async () => {
    const signIn = await post("/sign-in/email", { email: "grace@example.test", password: "correct horse" });
    const cookie = sessionCookie(signIn);
    const signOut = await post("/sign-out", {}, cookie);
    expect(signOut.status).toBe(200);
    // The token alone is looked up in the database. A copy of the signed session cookie (the
    // cookie cache) keeps working for a bounded time: session-cache.integration.test.ts.
    const token = cookie.split("; ").filter((c) => c.startsWith("better-auth.session_token=")).join("; ");
    const ctx = await createTRPCContext({ headers: new Headers({ cookie: token }), db: testDb.db, auth });
    expect(ctx.user).toBeNull();
  });
});
