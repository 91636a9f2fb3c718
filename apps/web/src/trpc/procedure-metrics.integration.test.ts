// The web's Prometheus metrics through the real /api/trpc handler: every call counted once by
// procedure, type and outcome code, timed, unknown paths collapsed into one label, database
// outages counted and logged at warn once (ids and driver code, never the input), and the
// registry served on its own port.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "@taskboard/db";
import { freePort } from "@taskboard/db/ports";
import type { TestDatabase } from "@taskboard/db/testing";
import { createAuth, type TAuth } from "@/auth/create-auth";
import { startMetricsServer } from "@/server/metrics/metrics-server";
import { getWebMetrics } from "@/server/metrics/web-metrics";
import { openTestDatabase } from "@/server/testing/test-database";
import { signUpCookie } from "@/server/testing/sign-up-cookie";
import { appRouter } from "./app-router";
import { createTrpcErrorReporter, UNKNOWN_PROCEDURE } from "./error-reporter";
import { createTrpcHttpHandler } from "./http-handler";

const baseURL = "http://localhost:3000";
const secret = "test-secret-that-is-at-least-32-characters-long";
const metrics = getWebMetrics();
const logger = { error: vi.fn(), warn: vi.fn(), debug: vi.fn() };
let testDb: TestDatabase;
let downDb: Db;
let auth: TAuth;
let cookie: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  testDb = await openTestDatabase();
  downDb = createDb(`postgresql://postgres:postgres@127.0.0.1:${await freePort()}/postgres`);
  auth = createAuth({ db: testDb.db, secret, baseURL });
  cookie = await signUpCookie(auth, baseURL, { name: "Metrics", email: "metrics@example.test" });
  handle = createTrpcHttpHandler({
    getDeps: () => ({ db: testDb.db, auth }),
    appOrigin: () => baseURL,
    onError: createTrpcErrorReporter({ logger: logger as never, metrics }),
  });
});
afterAll(async () => {
  await downDb.$disconnect();
  await testDb.drop();
});

async function requests(labels: { procedure: string; type: string; code: string }): Promise<number> {
  const { values } = await metrics.trpcRequests.get();
  return values.find((v) => v.labels.procedure === labels.procedure && v.labels.type === labels.type && v.labels.code === labels.code)?.value ?? 0;
}

async function timed(procedure: string): Promise<number> {
  const { values } = await metrics.trpcDuration.get();
  return values.find((v) => v.metricName === "taskboard_web_trpc_request_duration_seconds_count" && v.labels.procedure === procedure)?.value ?? 0;
}

/** How much `read` grew while `act` ran. */
async function delta(read: () => Promise<number>, act: () => Promise<unknown>): Promise<number> {
  const before = await read();
  await act();
  return (await read()) - before;
}

function get(path: string, withCookie = true) {
  return handle(new Request(`${baseURL}/api/trpc/${path}`, { headers: withCookie ? { cookie } : {} }));
}

function createTask(handler: (request: Request) => Promise<Response>, title: string) {
  return handler(
    new Request(`${baseURL}/api/trpc/task.create`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: baseURL },
      body: JSON.stringify({ title }),
    }),
  );
}

describe("tRPC request metrics", () => {
  it("counts a successful call once as OK and times it", async () => {
    const ok = { procedure: "user.me", type: "query", code: "OK" };
    expect(await delta(() => requests(ok), async () => expect((await get("user.me")).status).toBe(200))).toBe(1);
    expect(await delta(() => timed("user.me"), () => get("user.me"))).toBe(1);
  });

  it("counts refusals once with their code, whether the procedure or its middleware refused", async () => {
    const unauthorized = { procedure: "user.me", type: "query", code: "UNAUTHORIZED" };
    expect(await delta(() => requests(unauthorized), async () => expect((await get("user.me", false)).status).toBe(401))).toBe(1);

    const badRequest = { procedure: "task.create", type: "mutation", code: "BAD_REQUEST" };
    expect(await delta(() => requests(badRequest), async () => expect((await createTask(handle, "")).status).toBe(400))).toBe(1);

    const created = { procedure: "task.create", type: "mutation", code: "OK" };
    expect(await delta(() => requests(created), () => createTask(handle, "counted"))).toBe(1);
  });

  it("collapses paths that name no procedure into one label, so callers cannot mint series", async () => {
    const unknown = { procedure: UNKNOWN_PROCEDURE, type: "unknown", code: "NOT_FOUND" };
    const paths = ["no.such.procedure", "task.create.extra", "x%3Cscript%3E", "task.list%2Cnope"];
    expect(await delta(() => requests(unknown), () => Promise.all(paths.map((p) => get(p))))).toBe(paths.length);
    const labels = new Set((await metrics.trpcRequests.get()).values.map((v) => String(v.labels.procedure)));
    const known = new Set([...Object.keys(appRouter._def.procedures), UNKNOWN_PROCEDURE]);
    expect([...labels].filter((label) => !known.has(label))).toEqual([]);
  });

  it("counts each call of a batch under its own procedure", async () => {
    const list = { procedure: "task.list", type: "query", code: "OK" };
    const tags = { procedure: "tag.list", type: "query", code: "OK" };
    const before = { list: await requests(list), tags: await requests(tags) };
    const response = await get(`task.list,tag.list?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: {}, 1: {} }))}`);
    expect(response.status).toBe(200);
    expect([await requests(list), await requests(tags)]).toEqual([before.list + 1, before.tags + 1]);
  });
});

describe("database unavailable", () => {
  const unavailable = { procedure: "task.create", type: "mutation", code: "SERVICE_UNAVAILABLE" };
  const title = "Secret plans for the surprise party";

  it("counts a 503 from the session lookup and one from the procedure, and logs the outage at warn once", { timeout: 60_000 }, async () => {
    const downAuth = createAuth({ db: downDb, secret, baseURL });
    const outageLogger = { error: vi.fn(), warn: vi.fn(), debug: vi.fn() };
    const onError = createTrpcErrorReporter({ logger: outageLogger as never, metrics, unavailableLogIntervalMs: 60_000 });
    const sessionDown = createTrpcHttpHandler({ getDeps: () => ({ db: downDb, auth: downAuth }), appOrigin: () => baseURL, onError });
    const queryDown = createTrpcHttpHandler({ getDeps: () => ({ db: downDb, auth }), appOrigin: () => baseURL, onError });

    const unavailableTotal = async () => (await metrics.databaseUnavailable.get()).values[0]?.value ?? 0;
    const before = { requests: await requests(unavailable), total: await unavailableTotal() };
    expect((await createTask(sessionDown, title)).status).toBe(503);
    expect((await createTask(queryDown, title)).status).toBe(503);
    expect((await createTask(queryDown, title)).status).toBe(503);
    expect(await requests(unavailable)).toBe(before.requests + 3);
    expect(await unavailableTotal()).toBe(before.total + 3);

    // The first 503 is logged with the procedure, the user and the driver's code; the next ones
    // are summed up later instead of flooding the log.
    expect(outageLogger.warn).toHaveBeenCalledTimes(1);
    const [fields, message] = outageLogger.warn.mock.calls[0] ?? [];
    expect(message).toMatch(/database unavailable/);
    expect(fields).toMatchObject({ path: "task.create", type: "mutation", code: "SERVICE_UNAVAILABLE" });
    expect(fields.driverCode).toMatch(/^(ECONNREFUSED|P1001|DatabaseNotReachable)$/);
    expect(JSON.stringify(fields)).not.toContain(title);
    expect(outageLogger.error).not.toHaveBeenCalled();
  });
});

describe("metrics server", () => {
  it("serves the registry on its own port: tRPC counters and the process's default metrics", async () => {
    await get("user.me");
    const server = await startMetricsServer(metrics.registry, 0);
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      const text = await response.text();
      expect(text).toMatch(/taskboard_web_trpc_requests_total\{procedure="user\.me",type="query",code="OK"\} \d+/);
      expect(text).toContain("taskboard_web_trpc_request_duration_seconds_bucket");
      expect(text).toContain("taskboard_web_database_unavailable_total");
      expect(text).toContain("process_resident_memory_bytes");
      expect(text).toContain("nodejs_eventloop_lag_seconds");
      expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${server.port}/api/trpc/user.me`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("keeps one registry per process, even when the module is loaded again (Next bundles it more than once)", async () => {
    vi.resetModules();
    const again = await import("@/server/metrics/web-metrics");
    expect(again.getWebMetrics()).toBe(metrics);
    expect((globalThis as Record<symbol, unknown>)[Symbol.for("taskboard.web.metrics")]).toBe(metrics);
  });
});
