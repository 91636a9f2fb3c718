// An outage is one warn line plus a count per interval, not one line per failed request.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDatabaseUnavailableLog } from "./database-unavailable-log";
import { databaseErrorCode } from "./database-unavailable";

const call = { path: "task.create", type: "mutation", userId: "u1", driverCode: "ECONNREFUSED" };

describe("database unavailable log", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("logs the first 503 in full, then how many followed, once per interval, until a quiet interval", () => {
    const logger = { warn: vi.fn() };
    const log = createDatabaseUnavailableLog({ logger, intervalMs: 10_000 });

    log.report(call);
    for (let i = 0; i < 500; i++) log.report({ ...call, userId: `u${i}` });
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0]).toEqual([{ ...call, code: "SERVICE_UNAVAILABLE" }, "database unavailable: tRPC call answered 503"]);

    vi.advanceTimersByTime(10_000);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(logger.warn.mock.calls[1]?.[0]).toMatchObject({ count: 500, seconds: 10, driverCode: "ECONNREFUSED" });
    expect(logger.warn.mock.calls[1]?.[1]).toBe("database still unavailable: 500 more tRPC calls answered 503");

    log.report(call);
    vi.advanceTimersByTime(10_000);
    expect(logger.warn).toHaveBeenCalledTimes(3);
    expect(logger.warn.mock.calls[2]?.[0]).toMatchObject({ count: 1 });

    // A quiet interval closes the outage; the next 503 starts a new one, logged in full.
    vi.advanceTimersByTime(30_000);
    expect(logger.warn).toHaveBeenCalledTimes(3);
    log.report({ ...call, driverCode: "57P03" });
    expect(logger.warn).toHaveBeenCalledTimes(4);
    expect(logger.warn.mock.calls[3]?.[0]).toMatchObject({ driverCode: "57P03", path: "task.create" });
  });
});

describe("databaseErrorCode", () => {
  it("names the driver's code, found through causes, never the message", () => {
    expect(databaseErrorCode(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe("ECONNREFUSED");
    expect(databaseErrorCode(new Error("wrapped", { cause: Object.assign(new Error("x"), { code: "P1001" }) }))).toBe("P1001");
    const shuttingDown = { kind: "postgres", code: "57P03", message: "the database system is shutting down" };
    expect(databaseErrorCode(Object.assign(new Error("Database error"), { code: "P2010", meta: { driverAdapterError: { cause: shuttingDown } } }))).toBe("57P03");
    expect(databaseErrorCode(Object.assign(new Error("x"), { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } }))).toBe("DatabaseNotReachable");
    expect(databaseErrorCode(new AggregateError([new Error("a"), Object.assign(new Error("b"), { code: "ECONNRESET" })]))).toBe("ECONNRESET");
    expect(databaseErrorCode(new Error("Connection terminated unexpectedly"))).toBeUndefined();
    expect(databaseErrorCode(Object.assign(new Error("unique"), { code: "P2002" }))).toBeUndefined();
  });
});
