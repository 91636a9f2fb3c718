// Reminders on the real Dapr Jobs API: daprd and the Dapr scheduler (with its embedded etcd), as
// the Dapr transport uses them. What the contract suite cannot show: both Jobs API prefixes, the
// error a prefix daprd does not serve gives, jobs survive a scheduler restart, a job due while
// the workers (app and sidecar) or only the sidecar are down fires once when they are back, a
// job whose handler keeps failing is retried by the scheduler until it succeeds (the failure
// policy the transport sets; daprd's default gives up after a few tries), and why the bus serves
// /job/<name> itself.
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort } from "@taskboard/devtools";
import type { JobHandler } from "@taskboard/events";
import { afterEach, expect, it } from "vitest";
import { parseDaprConfig, type TDaprConfig } from "./config.ts";
import { deleteJob, scheduleJob } from "./jobs.ts";
import { describeOnDapr, isolation, type Pod, startPod, stopPods } from "./testing/harness.ts";

describeOnDapr("Dapr Jobs API (real daprd + scheduler)", "redis", (stack) => {

  interface JobsPod extends Pod {
    fired: { name: string; payload: unknown; attempt: number; at: number }[];
  }
  afterEach(stopPods, 60_000);

  /** One workers pod recording the jobs it fires; `restartOf` an earlier one is that pod restarted. */
  async function pod(options: { handler?: JobHandler; restartOf?: Pod; env?: Record<string, string> } = {}): Promise<JobsPod> {
    const fired: JobsPod["fired"] = [];
    const started = await startPod(stack(), {
      restartOf: options.restartOf,
      env: { DAPR_JOB_RETRY_INTERVAL_MS: "500", ...options.env },
      onJob: async (job) => {
        fired.push({ ...job, at: Date.now() });
        return options.handler ? options.handler(job) : "SUCCESS";
      },
    });
    return { ...started, fired };
  }

  async function until(what: string, check: () => boolean, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(50);
    }
  }

  it("fires a reminder once, not before its time; scheduling it again is idempotent", async () => {
    const p = await pod();
    const at = new Date(Date.now() + 2_000);
    await p.bus.schedule({ name: "reminder:t1:1", at, payload: { taskId: "t1" } });
    await p.bus.schedule({ name: "reminder:t1:1", at, payload: { taskId: "t1" } });
    await until("the reminder", () => p.fired.length >= 1);
    await sleep(3_000);
    expect(p.fired.map((f) => f.payload)).toEqual([{ taskId: "t1" }]);
    expect(p.fired[0]?.at).toBeGreaterThanOrEqual(at.getTime());
  }, 60_000);

  // daprd 1.18.1 serves the Jobs API at both prefixes DAPR_JOBS_API_PREFIX allows.
  it.each(["v1.0", "v1.0-alpha1"])("never fires a cancelled job (Jobs API at /%s)", async (prefix) => {
    const p = await pod({ env: { DAPR_JOBS_API_PREFIX: prefix } });
    await p.bus.schedule({ name: "reminder:gone", at: new Date(Date.now() + 1_500), payload: {} });
    await p.bus.cancel("reminder:gone");
    await p.bus.schedule({ name: "reminder:kept", at: new Date(Date.now() + 2_500), payload: {} });
    await until("the kept job", () => p.fired.length >= 1);
    await sleep(2_000);
    expect(p.fired.map((f) => f.name)).toEqual(["reminder:kept"]);
  }, 60_000);

  it("names DAPR_JOBS_API_PREFIX when daprd serves no Jobs API at the prefix, on cancel too", async () => {
    // Neither value the config allows is missing from daprd 1.18.1; a prefix it does not serve
    // stands for Dapr <= 1.17 with "v1.0". daprd answers such a path as a service invocation:
    // 404 ERR_DIRECT_INVOKE, which must not read as "the job is already gone".
    const p = await pod();
    const config = { ...parseDaprConfig({ ...p.sidecar.env }), DAPR_JOBS_API_PREFIX: "v1.0-beta1" } as unknown as TDaprConfig;
    const hint = /daprd has no Jobs API at \/v1.0-beta1\/jobs: set DAPR_JOBS_API_PREFIX/;
    await expect(scheduleJob(config, { name: "reminder:x", at: new Date(Date.now() + 60_000), payload: {} })).rejects.toThrow(hint);
    await expect(deleteJob(config, "reminder:x")).rejects.toThrow(hint);
  }, 60_000);

  it("fires a job that fell due while only the sidecar was down once, when it is back", async () => {
    const p = await pod();
    await p.bus.schedule({ name: "reminder:sidecar-down", at: new Date(Date.now() + 1_500), payload: { n: 2 } });
    await p.sidecar.stop();
    await sleep(4_000);
    expect(p.fired).toEqual([]);
    await p.sidecar.start();
    await until("the job after the sidecar came back", () => p.fired.length >= 1, 60_000);
    await sleep(3_000);
    expect(p.fired.map((f) => f.payload)).toEqual([{ n: 2 }]);
  }, 120_000);

  it("an app that answers 404 on /job/<name> loses the job: daprd counts it as done", async () => {
    // Why the bus serves the route itself: an app without it (the SDK's DaprServer has none).
    const appPort = await freePort();
    const calls: string[] = [];
    const bare = http.createServer((req, res) => {
      if (req.url?.startsWith("/job/")) calls.push(req.url);
      res.writeHead(req.url === "/healthz" ? 200 : 404);
      res.end();
    });
    await new Promise<void>((resolve) => bare.listen(appPort, "127.0.0.1", resolve));
    const sidecar = await stack().sidecar({ appPort, namespace: isolation().namespace });
    try {
      // The transport's failure policy, at an interval that would show a retry within the wait below.
      const config = parseDaprConfig({ ...sidecar.env, DAPR_JOB_RETRY_INTERVAL_MS: "500" });
      await scheduleJob(config, { name: "reminder:lost", at: new Date(Date.now() + 500), payload: {} });
      await until("the trigger", () => calls.length >= 1);
      await sleep(4_000);
      expect(calls).toEqual(["/job/reminder:lost"]);
    } finally {
      await sidecar.stop();
      await new Promise<void>((resolve) => bare.close(() => resolve()));
    }
  }, 60_000);

  it("keeps its jobs across a scheduler restart", async () => {
    const p = await pod();
    await p.bus.schedule({ name: "reminder:survives", at: new Date(Date.now() + 8_000), payload: { kept: true } });
    await stack().scheduler.stop();
    await stack().scheduler.start();
    await until("the job after the restart", () => p.fired.length >= 1, 60_000);
    await sleep(2_000);
    expect(p.fired.map((f) => f.payload)).toEqual([{ kept: true }]);
  }, 120_000);

  it("fires a job that fell due while the workers were down once, when they are back", async () => {
    const first = await pod();
    await first.bus.schedule({ name: "reminder:while-down", at: new Date(Date.now() + 1_500), payload: { n: 1 } });
    await first.stop();
    await sleep(5_000);
    expect(first.fired).toEqual([]);
    const back = await pod({ restartOf: first });
    await until("the job after the workers came back", () => back.fired.length >= 1, 60_000);
    await sleep(3_000);
    expect(back.fired.map((f) => f.payload)).toEqual([{ n: 1 }]);
  }, 120_000);

  it("retries a job whose handler keeps failing until it succeeds: no reminder is lost", async () => {
    // More failures than daprd's default failure policy allows (3 retries).
    const p = await pod({ handler: async (job) => (job.attempt <= 6 ? "RETRY" : "SUCCESS") });
    await p.bus.schedule({ name: "reminder:flaky", at: new Date(Date.now() + 500), payload: {} });
    await until("the seventh attempt", () => p.fired.length >= 7, 90_000);
    await sleep(3_000);
    expect(p.fired.map((f) => f.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  }, 120_000);
});
