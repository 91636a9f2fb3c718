// The database unreachable (a closed port stands for PostgreSQL stopped): /api/trpc answers 503
// with a message a person can act on, never a hang or a 500, whether the session lookup or the
// procedure is the first to hit it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@taskboard/db";
import { freePort } from "@taskboard/db/ports";
import type { TestDatabase } from "@taskboard/db/testing";
import { createAuth, type TAuth } from "@/auth/create-auth";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailableError } from "@/server/database-unavailable";
import { openTestDatabase } from "@/server/testing/test-database";
import { signUpCookie } from "@/server/testing/sign-up-cookie";
import { createTrpcHttpHandler } from "./http-handler";

const baseURL = "http://localhost:3000";
const secret = "test-secret-that-is-at-least-32-characters-long";
let testDb: TestDatabase;
let downDb: Db;
let auth: TAuth;
let cookie: string;

beforeAll(async () => {
  testDb = await openTestDatabase();
  // Nothing listens there: every connection is refused, as when PostgreSQL is stopped.
  downDb = createDb(`postgresql://postgres:postgres@127.0.0.1:${await freePort()}/postgres`);
  auth = createAuth({ db: testDb.db, secret, baseURL });
  cookie = await signUpCookie(auth, baseURL, { name: "Down", email: "down@example.test" });
});
afterAll(async () => {
  await downDb.$disconnect();
  await testDb.drop();
});

function createTask(handle: (request: Request) => Promise<Response>) {
  return handle(
    new Request(`${baseURL}/api/trpc/task.create`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: baseURL },
      body: JSON.stringify({ title: "while the database is down" }),
    }),
  );
}

async function expectUnavailable(response: Response) {
  expect(response.status).toBe(503);
  const body = await response.json();
  expect(body.error.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);
  expect(body.error.data.code).toBe("SERVICE_UNAVAILABLE");
  expect(body.error.data.httpStatus).toBe(503);
  // tRPC adds data.stack outside production only (npm start runs production); the rest names
  // nothing of the database or the library.
  delete body.error.data.stack;
  expect(JSON.stringify(body)).not.toMatch(/prisma|127\.0\.0\.1|P1001|ECONNREFUSED/i);
}

describe("database unreachable", () => {
  it("a procedure whose query cannot reach the database answers 503", { timeout: 30_000 }, async () => {
    const handle = createTrpcHttpHandler({ getDeps: () => ({ db: downDb, auth }), appOrigin: () => baseURL });
    await expectUnavailable(await createTask(handle));
  });

  it("the session lookup failing to reach the database answers 503 too", { timeout: 30_000 }, async () => {
    const downAuth = createAuth({ db: downDb, secret, baseURL });
    const handle = createTrpcHttpHandler({ getDeps: () => ({ db: downDb, auth: downAuth }), appOrigin: () => baseURL });
    await expectUnavailable(await createTask(handle));
  });

  it("a write that waits longer than maxWait for a pooled connection answers 503, not 500", { timeout: 30_000 }, async () => {
    // One connection, held by a transaction that does not end while the create waits (a burst of
    // writes on a saturated machine): the create cannot start its transaction in time (P2028).
    const busyDb = createDb(testDb.url, { maxConnections: 1 });
    let release = () => {};
    const held = busyDb.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      await new Promise<void>((resolve) => (release = resolve));
    }, { timeout: 20_000 });
    try {
      const handle = createTrpcHttpHandler({ getDeps: () => ({ db: busyDb, auth }), appOrigin: () => baseURL });
      await expectUnavailable(await createTask(handle));
    } finally {
      release();
      await held;
      await busyDb.$disconnect();
    }
    expect(isDatabaseUnavailableError(Object.assign(new Error("Transaction already closed"), { code: "P2028" }))).toBe(false);
  });

  it("writes nothing, and the same handler works again once the database answers", async () => {
    expect(await testDb.db.task.count()).toBe(0);
    expect(await testDb.db.outboxEvent.count()).toBe(0);
    const handle = createTrpcHttpHandler({ getDeps: () => ({ db: testDb.db, auth }), appOrigin: () => baseURL });
    expect((await createTask(handle)).status).toBe(200);
  });

  it("other failures stay 500: only connection errors are treated as unavailability", () => {
    expect(isDatabaseUnavailableError(new Error("duplicate key value violates unique constraint"))).toBe(false);
    expect(isDatabaseUnavailableError(Object.assign(new Error("unique"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailableError(Object.assign(new Error("boom"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailableError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailableError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailableError(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailableError(new Error("wrapped", { cause: Object.assign(new Error(""), { code: "P1001" }) }))).toBe(true);
    // What Prisma threw while PostgreSQL was shutting down (seen in npm run chaos).
    const shuttingDown = { kind: "postgres", code: "57P03", message: "the database system is shutting down" };
    expect(isDatabaseUnavailableError(Object.assign(new Error("Database error"), { code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause: shuttingDown } } }))).toBe(true);
    expect(isDatabaseUnavailableError(new Error("Server has closed the connection."))).toBe(true);
    // A pooled connection cut while idle, on its first use after PostgreSQL came back (npm run chaos).
    expect(isDatabaseUnavailableError(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
    expect(isDatabaseUnavailableError(new Error("Client was closed and is not queryable"))).toBe(true);
    const uniqueViolation = { kind: "postgres", code: "23505", message: "duplicate key" };
    expect(isDatabaseUnavailableError(Object.assign(new Error("Database error"), { code: "P2010", meta: { driverAdapterError: { cause: uniqueViolation } } }))).toBe(false);
  });
});
