// Reminders on the real Dapr Jobs API: daprd and the Dapr scheduler (with its embedded etcd), as
// the Dapr transport uses them. What the contract suite cannot show: jobs survive a scheduler
// restart, a job due while the workers (app and sidecar) are down fires once when they are back,
// and a job whose handler keeps failing is retried by the scheduler until it succeeds (the
// failure policy the transport sets; daprd's default gives up after a few tries).
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { type Daprd, type DaprStack, freePort, missingDaprTools, startDaprStack } from "@taskboard/devtools";
import type { JobHandler } from "@taskboard/events";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDaprBus, type DaprBus } from "./bus.ts";
import { silentLogger } from "./testing/harness.ts";

const missing = missingDaprTools("redis");
for (const line of missing) console.log(line);

describe.skipIf(missing.length > 0)("Dapr Jobs API (real daprd + scheduler)", () => {
  let stack: DaprStack;
  beforeAll(async () => {
    stack = await startDaprStack({ pubsub: "redis" });
  }, 180_000);
  afterAll(async () => stack?.cleanup(), 60_000);

  interface Pod {
    bus: DaprBus;
    sidecar: Daprd;
    fired: { name: string; payload: unknown; attempt: number; at: number }[];
    stop(): Promise<void>;
  }
  const pods: Pod[] = [];
  afterEach(async () => {
    for (const pod of pods.splice(0)) await pod.stop();
  });

  /** One workers pod: a bus with a job handler and its own daprd, in `namespace`. */
  async function pod(namespace: string, appPort: number, handler?: JobHandler): Promise<Pod> {
    const fired: Pod["fired"] = [];
    const sidecar = await stack.sidecar({ appPort, namespace });
    const bus = createDaprBus(
      { ...sidecar.env, DAPR_TOPIC_PREFIX: `${namespace}.`, DAPR_JOB_RETRY_INTERVAL_MS: "500" },
      { logger: silentLogger },
    );
    bus.onJob(async (job) => {
      fired.push({ ...job, at: Date.now() });
      return handler ? handler(job) : "SUCCESS";
    });
    await bus.start();
    const running: Pod = {
      bus,
      sidecar,
      fired,
      async stop() {
        await bus.stop().catch(() => undefined);
        await sidecar.stop();
      },
    };
    pods.push(running);
    return running;
  }
  const fresh = async () => ({ namespace: `jobs-${randomUUID().slice(0, 8)}`, appPort: await freePort() });

  async function until(what: string, check: () => boolean, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(50);
    }
  }

  it("fires a reminder once, not before its time; scheduling it again is idempotent", async () => {
    const { namespace, appPort } = await fresh();
    const p = await pod(namespace, appPort);
    const at = new Date(Date.now() + 2_000);
    await p.bus.schedule({ name: "reminder:t1:1", at, payload: { taskId: "t1" } });
    await p.bus.schedule({ name: "reminder:t1:1", at, payload: { taskId: "t1" } });
    await until("the reminder", () => p.fired.length >= 1);
    await sleep(3_000);
    expect(p.fired.map((f) => f.payload)).toEqual([{ taskId: "t1" }]);
    expect(p.fired[0]?.at).toBeGreaterThanOrEqual(at.getTime());
  }, 60_000);

  it("never fires a cancelled job", async () => {
    const { namespace, appPort } = await fresh();
    const p = await pod(namespace, appPort);
    await p.bus.schedule({ name: "reminder:gone", at: new Date(Date.now() + 1_500), payload: {} });
    await p.bus.cancel("reminder:gone");
    await p.bus.schedule({ name: "reminder:kept", at: new Date(Date.now() + 2_500), payload: {} });
    await until("the kept job", () => p.fired.length >= 1);
    await sleep(2_000);
    expect(p.fired.map((f) => f.name)).toEqual(["reminder:kept"]);
  }, 60_000);

  it("keeps its jobs across a scheduler restart", async () => {
    const { namespace, appPort } = await fresh();
    const p = await pod(namespace, appPort);
    await p.bus.schedule({ name: "reminder:survives", at: new Date(Date.now() + 8_000), payload: { kept: true } });
    await stack.scheduler.stop();
    await stack.scheduler.start();
    await until("the job after the restart", () => p.fired.length >= 1, 60_000);
    await sleep(2_000);
    expect(p.fired.map((f) => f.payload)).toEqual([{ kept: true }]);
  }, 120_000);

  it("fires a job that fell due while the workers were down once, when they are back", async () => {
    const { namespace, appPort } = await fresh();
    const first = await pod(namespace, appPort);
    await first.bus.schedule({ name: "reminder:while-down", at: new Date(Date.now() + 1_500), payload: { n: 1 } });
    await first.stop();
    await sleep(5_000);
    expect(first.fired).toEqual([]);
    const back = await pod(namespace, appPort);
    await until("the job after the workers came back", () => back.fired.length >= 1, 60_000);
    await sleep(3_000);
    expect(back.fired.map((f) => f.payload)).toEqual([{ n: 1 }]);
  }, 120_000);

  it("retries a job whose handler keeps failing until it succeeds: no reminder is lost", async () => {
    const { namespace, appPort } = await fresh();
    // More failures than daprd's default failure policy allows (3 retries).
    const p = await pod(namespace, appPort, async (job) => (job.attempt <= 6 ? "RETRY" : "SUCCESS"));
    await p.bus.schedule({ name: "reminder:flaky", at: new Date(Date.now() + 500), payload: {} });
    await until("the seventh attempt", () => p.fired.length >= 7, 90_000);
    await sleep(3_000);
    expect(p.fired.map((f) => f.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  }, 120_000);
});
