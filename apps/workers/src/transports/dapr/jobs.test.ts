// Reminders through the Dapr Jobs API and our /job/<name> callback, against the sidecar double.
import http from "node:http";
import { freePort } from "@taskboard/db/ports";
import { waitFor } from "@taskboard/events/contract";
import type { JobHandler } from "@taskboard/events";
import { afterEach, describe, expect, it } from "vitest";
import { DaprJobsError } from "./errors.ts";
import { toDueTime } from "./jobs.ts";
import { startSidecarDouble, type SidecarDouble } from "./testing/sidecar-double/index.ts";
import { daprSetup, type Setup } from "./testing/harness.ts";

let setup: Setup | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await setup?.cleanup();
  setup = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function withJobs(handler: JobHandler, options: Parameters<typeof daprSetup>[0] = {}) {
  setup = await daprSetup({ ...options, double: { jobFailurePolicy: { maxRetries: 3, intervalMs: 50 }, ...options.double } });
  setup.bus.onJob(handler);
  await setup.bus.start();
  return setup;
}

function recorder() {
  const fired: { name: string; payload: unknown; attempt: number; at: number }[] = [];
  const handler: JobHandler = async (job) => {
    fired.push({ ...job, at: Date.now() });
    return "SUCCESS";
  };
  return { fired, handler };
}

describe("Dapr bus: jobs", () => {
  it("formats due times as RFC 3339 in UTC with an explicit offset, never early (docs/traps.md #5)", () => {
    expect(toDueTime(new Date("2026-03-29T01:30:00.000Z"))).toBe("2026-03-29T01:30:00+00:00");
    expect(toDueTime(new Date("2026-03-29T01:30:00.200Z"))).toBe("2026-03-29T01:30:01+00:00");
    expect(() => toDueTime(new Date("nope"))).toThrow(DaprJobsError);
  });

  it("schedules with overwrite and an offset, and fires on time even when the Scheduler's clock is not UTC", async () => {
    const { fired, handler } = recorder();
    const { bus, double } = await withJobs(handler, { double: { schedulerUtcOffsetMinutes: 120 } });
    const at = new Date(Date.now() + 1_200);
    await bus.schedule({ name: "reminder:task-1:1", at, payload: { taskId: "task-1" } });
    expect(double.jobs()[0]).toMatchObject({ name: "reminder:task-1:1", data: { taskId: "task-1" } });
    expect(double.jobs()[0]?.dueTime).toMatch(/\+00:00$/);
    await waitFor("the job", () => fired.length === 1);
    expect(fired[0]).toMatchObject({ name: "reminder:task-1:1", payload: { taskId: "task-1" }, attempt: 1 });
    expect(fired[0]?.at).toBeGreaterThanOrEqual(at.getTime());
    expect(fired[0]?.at).toBeLessThan(at.getTime() + 1_500);
  });

  it("scheduling the same name again replaces the job (idempotent retries of schedule)", async () => {
    const { fired, handler } = recorder();
    const { bus, double } = await withJobs(handler);
    await bus.schedule({ name: "r1", at: new Date(Date.now() + 60_000), payload: { v: 1 } });
    await bus.schedule({ name: "r1", at: new Date(Date.now() + 60_000), payload: { v: 1 } });
    await bus.schedule({ name: "r1", at: new Date(Date.now() + 300), payload: { v: 2 } });
    expect(double.jobs()).toHaveLength(1);
    await waitFor("the job", () => fired.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(fired.map((f) => f.payload)).toEqual([{ v: 2 }]);
  });

  it("cancels a job; cancelling one that is gone is not an error", async () => {
    const { fired, handler } = recorder();
    const { bus, double } = await withJobs(handler);
    await bus.schedule({ name: "r-gone", at: new Date(Date.now() + 300), payload: {} });
    await bus.cancel("r-gone");
    await bus.cancel("r-never");
    expect(double.jobs()).toEqual([]);
    await new Promise((r) => setTimeout(r, 1_300));
    expect(fired).toEqual([]);
  });

  it("answers non-2xx on RETRY or a throw, so daprd's failure policy fires the job again", async () => {
    const attempts: number[] = [];
    const { bus, double } = await withJobs(async (job) => {
      attempts.push(job.attempt);
      if (job.attempt === 1) throw new Error("db down");
      return job.attempt === 2 ? "RETRY" : "SUCCESS";
    });
    await bus.schedule({ name: "flaky", at: new Date(), payload: null });
    await waitFor("three triggers", () => double.jobTriggers().length === 3);
    expect(attempts).toEqual([1, 2, 3]);
    expect(double.jobTriggers().map((t) => [t.appStatus, t.result])).toEqual([
      [500, "failed"],
      [500, "failed"],
      [200, "completed"],
    ]);
  });

  it("serves /job/<name> itself: an app without the route would lose the reminder (docs/traps.md #4)", async () => {
    // Our bus: the route exists, so a failing handler is retried rather than read as done.
    const { bus, double } = await withJobs(async () => "RETRY");
    await bus.schedule({ name: "kept", at: new Date(), payload: {} });
    await waitFor("retries", () => double.jobTriggers().length === 4);
    expect(double.jobTriggers().every((t) => t.appStatus === 500 && t.result === "failed")).toBe(true);

    // A bare app (like the SDK's DaprServer without a jobs handler): 404, which daprd counts as done.
    const appPort = await freePort();
    const bare = http.createServer((_req, res) => {
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((resolve) => bare.listen(appPort, "127.0.0.1", resolve));
    const bareDouble: SidecarDouble = await startSidecarDouble({ appPort });
    cleanups.push(async () => {
      await bareDouble.stop();
      await new Promise<void>((resolve) => bare.close(() => resolve()));
    });
    const schedule = await fetch(`http://127.0.0.1:${bareDouble.port}/v1.0-alpha1/jobs/lost`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ dueTime: toDueTime(new Date()), data: {}, overwrite: true }),
    });
    expect(schedule.status).toBe(204);
    await waitFor("the trigger", () => bareDouble.jobTriggers().length === 1);
    expect(bareDouble.jobTriggers()[0]).toMatchObject({ appStatus: 404, result: "completed" });
  });

  it("uses the configured Jobs API prefix (docs/traps.md #20)", async () => {
    const { fired, handler } = recorder();
    const { bus } = await withJobs(handler, {
      env: { DAPR_JOBS_API_PREFIX: "v1.0" },
      double: { jobsApiPrefixes: ["v1.0"] },
    });
    await bus.schedule({ name: "stable-api", at: new Date(), payload: { ok: true } });
    await waitFor("the job", () => fired.length === 1);
    await bus.cancel("stable-api");
  });

  it("says which prefix to set when daprd has no Jobs API at the configured one", async () => {
    const { bus } = await withJobs(async () => "SUCCESS", { double: { jobsApiPrefixes: ["v1.0"] } });
    await expect(bus.schedule({ name: "x", at: new Date(), payload: {} })).rejects.toThrow(
      /no Jobs API at \/v1.0-alpha1\/jobs: set DAPR_JOBS_API_PREFIX to "v1.0-alpha1" for Dapr <= 1.17 or "v1.0" for Dapr >= 1.18/,
    );
    // A wrong prefix must not pass silently on cancel either (the reminder would still fire).
    await expect(bus.cancel("x")).rejects.toThrow(/DAPR_JOBS_API_PREFIX/);
  });

  it("refuses job names daprd could not call back", async () => {
    const { bus } = await withJobs(async () => "SUCCESS");
    await expect(bus.schedule({ name: "a/b", at: new Date(), payload: {} })).rejects.toThrow(/Invalid job name "a\/b"/);
  });

  it("a job due while the sidecar is down triggers once, when it is back", async () => {
    const { fired, handler } = recorder();
    const { bus, double } = await withJobs(handler);
    await bus.schedule({ name: "reminder:task-2:1", at: new Date(Date.now() + 1_000), payload: { taskId: "task-2" } });
    double.setDown(true);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(fired).toEqual([]);
    double.setDown(false);
    await waitFor("the job", () => fired.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fired.map((f) => f.name)).toEqual(["reminder:task-2:1"]);
  });
});
