// The fault scenarios of issues 6 and 11, each run against a started product under the mixed
// workload of several users, with one poison event injected on purpose, then judged by the books
// once everything has settled. The same definitions run at full size (`npm run chaos`) and at CI
// size (chaos/faults.test.ts, inside `npm test`); only the numbers in ChaosSize differ. The Dapr
// scenarios fault the real runtime: the Kafka broker, daprd, the Dapr scheduler, a whole pod.
import type { ChildProcess } from "node:child_process";
import type { Daprd, DaprStack } from "@taskboard/devtools";
import { balanced, measureRecovery, problemsIn, readBooks, type Books } from "./books.ts";
import { injectPoison } from "./poison.ts";
import type { ChaosProduct } from "./product.ts";
import { Workload, type OutageAnswers, type SimulatedUser } from "./workload.ts";

export interface ChaosSize {
  /** Seconds of workload per scenario. */
  workloadSeconds: number;
  users: number;
  /** SIGKILLs of the workers in scenario 1. */
  kills: number;
  /** Scenario 3: PostgreSQL stopped this long. */
  postgresDownSeconds: number;
  /** Scenario 4 and the Dapr ones: the queue, the Kafka broker or the Dapr scheduler unavailable this long. */
  transportDownSeconds: number;
  /** SIGKILLs of daprd (each restarted like a crashed sidecar container). */
  sidecarKills: number;
  /** Scenario 5: the workers frozen this long while reminders fall due. */
  workersDownSeconds: number;
  /** Jobs a killed worker had claimed are retaken after this long (BUS_STALE_LOCK_MS). */
  staleLockMs: number;
  /** How long the books may take to balance after the workload before the scenario fails. */
  settleCapMs: number;
}

export const FULL_SIZE: ChaosSize = {
  workloadSeconds: 60,
  users: 4,
  kills: 5,
  postgresDownSeconds: 10,
  transportDownSeconds: 30,
  sidecarKills: 3,
  workersDownSeconds: 30,
  staleLockMs: 10_000,
  settleCapMs: 180_000,
};

export const CI_SIZE: ChaosSize = {
  workloadSeconds: 20,
  users: 3,
  kills: 2,
  postgresDownSeconds: 5,
  transportDownSeconds: 8,
  sidecarKills: 1,
  workersDownSeconds: 8,
  staleLockMs: 5_000,
  settleCapMs: 120_000,
};

/** The real Dapr runtime beside a product on the Dapr transport. */
export interface DaprRuntime {
  /** The Kafka broker, the Dapr scheduler, and where more sidecars come from. */
  stack: DaprStack;
  /** The daprd beside the product's workers (npm start's). */
  sidecar: Daprd;
  /** Reserved for a second replica's app callback. */
  secondAppPort: number;
}

export interface ScenarioContext {
  chaos: ChaosProduct;
  size: ChaosSize;
  /** For scenarios on the Dapr transport. */
  dapr?: DaprRuntime;
}

export interface ScenarioResult {
  key: ScenarioKey;
  title: string;
  books: Books;
  /** Failed answers to the workload, outside the expected 503s of an outage. */
  httpErrors: number;
  errorSamples: string[];
  /** From the end of the fault until what was committed before it had gone through. */
  recoveryMs: number;
  notes: string;
  /** When the fault's phases happened, for reading the product log (failures print it). */
  notesDetail?: string;
  /** Scenario 3: what the web answered while PostgreSQL was down. */
  outage?: OutageAnswers & { ready: Map<number, number> };
  /** Replica scenarios: deliveries each workers process handled while both ran. */
  replicas?: number[];
  /** Replica scenarios: whether both handled deliveries within one check (2 s) while both ran. */
  replicasShared?: boolean;
  /** Dapr: consumer deliveries of events already applied (redeliveries, absorbed by idempotency) in replicas other than the product's. */
  redeliveredElsewhere?: number;
}

interface FaultRun {
  ctx: ScenarioContext;
  workload: Workload;
  users: SimulatedUser[];
  /** Signs up one more user who drives the workload until the end, counted in the books. */
  addUser(): Promise<SimulatedUser>;
  /** When the workload stops. */
  until: number;
  /** Call when the fault is over: recovery is measured from here. */
  faultEnded(): void;
  result: Partial<ScenarioResult>;
}

interface Scenario {
  title: string;
  transport: "embedded" | "dapr";
  /** Injects the fault during the workload; returns a line for the notes column. */
  inject(run: FaultRun): Promise<string>;
  /** Seconds of workload beyond the run's size, for a fault that needs time to set up first. */
  extraWorkloadSeconds?: number;
}

/** After PostgreSQL is back and the web ready, 503s are still expected this long (see scenario 3). */
const OUTAGE_GRACE_MS = 3_000;
/** Between a daprd SIGKILL and its restart. */
const SIDECAR_RESTART_DELAY_MS = 1_000;
/** Replicas: how often both replicas' deliveries are compared, and how many users may join for it. */
const REPLICA_CHECK_MS = 2_000;
const MAX_ADDED_USERS = 6;
/** Replicas: the pod is killed at least this long before the workload ends, so recovery is seen. */
const REPLICA_LATEST_KILL_MS = 5_000;
/** Replicas: edits of one task per user in the burst, and how far into it the pod is killed. */
const BURST_EDITS = 12;
const BURST_LEAD_MS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rand = (lo: number, hi: number) => lo + Math.random() * (hi - lo);
/** Sleeps until `deadline` (a Date.now() value); returns at once if it has passed. */
const sleepUntil = (deadline: number) => sleep(Math.max(0, deadline - Date.now()));
/** Sleeps so that a fault of `seconds` sits in the middle of the workload. */
const untilMiddle = (until: number, seconds: number) => sleepUntil(until - (until - Date.now()) / 2 - (seconds * 1000) / 2);

/**
 * A fault of `seconds` in the middle of the workload: `begin` injects it, `end` (always called)
 * lifts it, and recovery is measured from there.
 */
async function faultInTheMiddle(run: FaultRun, seconds: number, begin: () => Promise<void> | void, end: () => Promise<void> | void) {
  await untilMiddle(run.until, seconds);
  await begin();
  try {
    await sleep(seconds * 1000);
  } finally {
    await end();
  }
  run.faultEnded();
}

function daprOf(ctx: ScenarioContext): DaprRuntime {
  if (!ctx.dapr) throw new Error("this scenario needs the product on the Dapr transport");
  return ctx.dapr;
}

/**
 * Deliveries a workers process has handled, from its /metrics (one per consumer and event):
 * applied, or a duplicate of one already applied (a redelivery, absorbed by idempotency).
 */
async function deliveriesOf(workersPort: number): Promise<{ applied: number; duplicate: number }> {
  const res = await fetch(`http://127.0.0.1:${workersPort}/metrics`, { signal: AbortSignal.timeout(10_000) });
  const counts = { applied: 0, duplicate: 0 };
  for (const line of (await res.text()).split("\n")) {
    const outcome = /^taskboard_events_consumed_total\{.*outcome="(applied|duplicate)".*\} (\d+)/.exec(line);
    if (outcome) counts[outcome[1] as "applied" | "duplicate"] += Number(outcome[2]);
  }
  return counts;
}

const deliveriesHandled = async (workersPort: number) => {
  const { applied, duplicate } = await deliveriesOf(workersPort);
  return applied + duplicate;
};

/** A part of the Dapr runtime stopped for `transportDownSeconds` in the middle of the workload, then started again. */
function daprOutage(title: string, part: (dapr: DaprRuntime) => { stop(): Promise<void>; start(): Promise<void> }, note: (seconds: number) => string): Scenario {
  return {
    title,
    transport: "dapr",
    async inject(run) {
      const stopped = part(daprOf(run.ctx));
      const seconds = run.ctx.size.transportDownSeconds;
      await faultInTheMiddle(run, seconds, () => stopped.stop(), () => stopped.start());
      return note(seconds);
    },
  };
}

/** `count` moments at random between `from` and `to` (fractions of the span), in order. */
const randomMoments = (count: number, span: number, from: number, to: number) =>
  Array.from({ length: count }, () => rand(from, to) * span).sort((a, b) => a - b);

export const SCENARIOS = {
  kill: {
    title: "1 workers SIGKILLed",
    transport: "embedded",
    async inject({ ctx, until, faultEnded }) {
      const started = Date.now();
      const span = until - started;
      const moments = randomMoments(ctx.size.kills, span, 0.05, 0.85);
      for (const at of moments) {
        await sleepUntil(started + at);
        const pid = ctx.chaos.workersPid();
        process.kill(pid, "SIGKILL");
        await ctx.chaos.waitWorkersReplaced(pid);
      }
      faultEnded();
      return `${ctx.size.kills} SIGKILLs at random moments, each restarted by npm start`;
    },
  },
  "two-workers": {
    title: "2 two workers, one SIGKILLed",
    transport: "embedded",
    async inject({ ctx, until, faultEnded }) {
      const second = await ctx.chaos.startSecondWorkers();
      await untilMiddle(until, 0);
      second.kill("SIGKILL");
      faultEnded();
      return "a second workers process SIGKILLed mid-run";
    },
  },
  "postgres-down": {
    title: "3 PostgreSQL stopped",
    transport: "embedded",
    async inject({ ctx, until, faultEnded, workload, result }) {
      const seconds = ctx.size.postgresDownSeconds;
      await untilMiddle(until, seconds);
      // The outage starts with the stop: connections are cut as soon as it begins.
      const outage = Object.assign(workload.beginOutage(), { ready: new Map<number, number>() });
      await ctx.chaos.stopPostgres();
      result.outage = outage;
      let probing = true;
      let restarted = false;
      let readyAgain = false;
      const probe = (async () => {
        while (probing) {
          try {
            const res = await fetch(`${ctx.chaos.product.base}/api/ready`, { signal: AbortSignal.timeout(10_000) });
            outage.ready.set(res.status, (outage.ready.get(res.status) ?? 0) + 1);
            readyAgain ||= res.ok && restarted;
          } catch {
            outage.ready.set(0, (outage.ready.get(0) ?? 0) + 1);
          }
          await sleep(500);
        }
      })();
      await sleep(seconds * 1000);
      await ctx.chaos.startPostgres();
      restarted = true;
      result.notesDetail = `PostgreSQL accepting connections again at ${new Date().toISOString().slice(11, 23)}`;
      faultEnded();
      // Answers count as "during the outage" until the web reports ready again, and for a short
      // grace after: each pooled connection the stop cut fails once before the pool replaces it.
      const readyDeadline = Date.now() + 60_000;
      while (!readyAgain && Date.now() < readyDeadline) await sleep(100);
      await sleep(OUTAGE_GRACE_MS);
      workload.endOutage();
      probing = false;
      await probe;
      const statuses = [...outage.statuses].map(([k, v]) => `${k}x${v}`).join(" ");
      const ready = [...outage.ready].map(([k, v]) => `${k}x${v}`).join(" ");
      return `${seconds} s down: tRPC answered ${statuses}, slowest ${(outage.slowestMs / 1000).toFixed(1)} s; /api/ready ${ready}`;
    },
  },
  "queue-locked": {
    title: "4 embedded queue locked",
    transport: "embedded",
    async inject(run) {
      const seconds = run.ctx.size.transportDownSeconds;
      // The embedded transport is graphile-worker's tables: while another session holds them
      // exclusively, no event can be enqueued or fetched (the relay and every consumer wait).
      // One table only: a session that waits for a single lock holds nothing anyone waits for,
      // so it cannot deadlock with the workers (locking two could).
      const client = await run.ctx.chaos.pool.connect();
      let failure: Error | undefined;
      try {
        await faultInTheMiddle(
          run,
          seconds,
          async () => {
            await client.query("BEGIN");
            await client.query("LOCK TABLE graphile_worker._private_jobs IN ACCESS EXCLUSIVE MODE");
          },
          async () => {
            await client.query("COMMIT");
          },
        );
      } catch (error) {
        failure = error as Error;
        throw error;
      } finally {
        // A connection left inside a failed transaction must not go back to the pool.
        client.release(failure);
      }
      return `graphile-worker's job tables locked ${seconds} s (nothing enqueued or delivered), mutations continued`;
    },
  },
  "workers-down-reminders": {
    title: "5 workers frozen, reminders due",
    transport: "embedded",
    async inject(run) {
      const seconds = run.ctx.size.workersDownSeconds;
      let pid = 0;
      const freeze = () => {
        pid = run.ctx.chaos.workersPid();
        process.kill(pid, "SIGSTOP");
      };
      await faultInTheMiddle(run, seconds, freeze, () => void process.kill(pid, "SIGCONT"));
      return `workers SIGSTOPped ${seconds} s while reminders fell due, mutations continued`;
    },
  },
  // A clean broker stop (SIGTERM); it comes back on the same port with its data.
  "kafka-down": daprOutage(
    "4 Kafka stopped (Dapr)",
    (dapr) => dapr.stack.broker,
    (seconds) => `the Kafka broker stopped ${seconds} s (nothing published or delivered), mutations continued`,
  ),
  "sidecar-killed": {
    title: "6 daprd SIGKILLed (Dapr)",
    transport: "dapr",
    async inject({ ctx, until, faultEnded }) {
      const { sidecar } = daprOf(ctx);
      const started = Date.now();
      const span = until - started;
      const moments = randomMoments(ctx.size.sidecarKills, span, 0.1, 0.8);
      for (const at of moments) {
        await sleepUntil(started + at);
        await sidecar.process().kill();
        // The kubelet restarts a crashed container at once the first time; daprd then needs its
        // own start-up (components, the app's health check) before it delivers again.
        await sleep(SIDECAR_RESTART_DELAY_MS);
        await sidecar.start();
      }
      faultEnded();
      return `daprd SIGKILLed ${ctx.size.sidecarKills}x at random moments, restarted on the same ports ${SIDECAR_RESTART_DELAY_MS / 1000} s later; the workers process kept running`;
    },
  },
  "scheduler-restart": daprOutage(
    "7 Dapr scheduler restarted, reminders due (Dapr)",
    (dapr) => dapr.stack.scheduler,
    (seconds) => `the Dapr scheduler stopped ${seconds} s while reminders fell due (jobs kept in its etcd), then started again`,
  ),
  "dapr-replicas": {
    title: "2 two replicas, a pod SIGKILLed (Dapr)",
    transport: "dapr",
    // Starting the second pod (daprd, then a workers process) and Kafka's rebalance onto it took
    // 10-20 s on a busy 2-core machine: with CI's 20 s of workload the pod was sometimes killed
    // before it had been handed a partition.
    extraWorkloadSeconds: 15,
    async inject(run) {
      const { ctx, until, faultEnded, result, workload, users } = run;
      const dapr = daprOf(ctx);
      // The second pod: its own daprd with the same app id, so the same Kafka consumer group.
      const sidecar = await dapr.stack.sidecar({ appPort: dapr.secondAppPort });
      let second: ChildProcess;
      try {
        second = await ctx.chaos.startSecondWorkers(sidecar.env);
      } catch (error) {
        await sidecar.stop();
        throw error;
      }
      const firstBefore = await deliveriesHandled(ctx.chaos.workersPort);
      const handled = async () => [(await deliveriesHandled(ctx.chaos.workersPort)) - firstBefore, await deliveriesHandled(ctx.chaos.secondWorkersPort)];
      // Kafka hands each user's partition to one replica (the first has them all until the
      // rebalance ends): while the two do not both handle deliveries within one check, another
      // user joins (bounded), so that the events really are shared when the pod dies. The pod
      // dies in the middle of the workload, or later when the rebalance has not ended by then
      // (starting the second pod alone can take most of a short workload on a busy machine), but
      // never within the last REPLICA_LATEST_KILL_MS.
      const middle = until - (until - Date.now()) / 2;
      const latest = until - REPLICA_LATEST_KILL_MS;
      let added = 0;
      let last = await handled();
      result.replicasShared = false;
      while (Date.now() + REPLICA_CHECK_MS < (result.replicasShared ? middle : latest)) {
        await sleep(REPLICA_CHECK_MS);
        const now = await handled();
        if (now.every((n, i) => n > (last[i] ?? 0))) result.replicasShared = true;
        else if (!result.replicasShared && added < MAX_ADDED_USERS) {
          added++;
          await run.addUser();
        }
        last = now;
      }
      await sleepUntil(middle);
      // Every user edits one task in quick succession; the pod dies in the middle of it.
      const burst = Promise.all(users.map((user) => workload.burst(user, BURST_EDITS)));
      await sleep(BURST_LEAD_MS);
      result.replicas = await handled();
      if (result.replicas.every((n, i) => n > (last[i] ?? 0))) result.replicasShared = true;
      result.redeliveredElsewhere = (await deliveriesOf(ctx.chaos.secondWorkersPort)).duplicate;
      second.kill("SIGKILL");
      await sidecar.process().kill();
      faultEnded();
      await burst;
      const joined = added ? `; ${added} more user(s) joined until both handled some at once` : "";
      return `a second workers process with its own daprd (same consumer group); it and its daprd SIGKILLed together mid-burst; deliveries handled while both ran: ${result.replicas.join(" / ")}${joined}`;
    },
  },
} satisfies Record<string, Scenario>;

export type ScenarioKey = keyof typeof SCENARIOS;
export const SCENARIO_KEYS = Object.keys(SCENARIOS) as ScenarioKey[];

/** Runs one scenario: users sign up, the workload runs with the fault in it, the books settle. */
export async function runScenario(key: ScenarioKey, ctx: ScenarioContext): Promise<ScenarioResult> {
  const scenario: Scenario = SCENARIOS[key];
  const { chaos, size } = ctx;
  const workload = new Workload(chaos.product.base, chaos.product.origin);
  const users: SimulatedUser[] = [];
  for (let i = 0; i < size.users; i++) users.push(await workload.signUp(`chaos-${key}-${i}`));
  const ids = users.map((u) => u.id);
  const poisonIds = [await injectPoison(chaos.pool, ids[0] as string)];
  // On Dapr the product's workers run throughout: their metrics tell how much was delivered twice.
  const duplicatesBefore = ctx.dapr ? (await deliveriesOf(chaos.workersPort)).duplicate : 0;

  const until = Date.now() + (size.workloadSeconds + (scenario.extraWorkloadSeconds ?? 0)) * 1000;
  const result: Partial<ScenarioResult> = {};
  let recovery: Promise<number> | undefined;
  const faultEnded = () => {
    recovery ??= measureRecovery(chaos.pool, ids, Date.now(), size.settleCapMs);
  };
  const drive = (user: SimulatedUser) => {
    const driving = workload.drive(user, until);
    // Awaited after the fault; until then a failure must not count as unhandled.
    driving.catch(() => undefined);
    return driving;
  };
  const drivers = users.map(drive);
  const addUser = async () => {
    const user = await workload.signUp(`chaos-${key}-${users.length}`);
    users.push(user);
    ids.push(user.id);
    drivers.push(drive(user));
    return user;
  };
  const run: FaultRun = { ctx, workload, users, addUser, until, faultEnded, result };
  const notes = await scenario.inject(run);
  await Promise.all(drivers);

  // Settled: balanced twice, 3 s apart, with no new event in between (a reminder firing or a next
  // occurrence being created produces events of its own that must be through too).
  const settleStarted = Date.now();
  let books = await readBooks(chaos.pool, ids, poisonIds);
  while (Date.now() - settleStarted < size.settleCapMs) {
    if (balanced(books)) {
      await sleep(3_000);
      const again = await readBooks(chaos.pool, ids, poisonIds);
      const settled = balanced(again) && again.events === books.events;
      books = again;
      if (settled) break;
    } else {
      await sleep(500);
      books = await readBooks(chaos.pool, ids, poisonIds);
    }
  }
  const redelivered = ctx.dapr
    ? `; ${(await deliveriesOf(chaos.workersPort)).duplicate - duplicatesBefore + (result.redeliveredElsewhere ?? 0)} redelivered consumer deliveries absorbed`
    : "";
  return {
    ...result,
    key,
    title: scenario.title,
    books,
    httpErrors: workload.errors,
    errorSamples: workload.errorSamples,
    recoveryMs: await (recovery ?? measureRecovery(chaos.pool, ids, Date.now(), size.settleCapMs)),
    notes: `${notes}; ${poisonIds.length} poison event injected${redelivered}`,
  };
}

/** What makes a scenario fail: anything lost or duplicated, an unexpected dead letter, a failed mutation. */
export function problemsOf(result: ScenarioResult): string[] {
  const problems = problemsIn(result.books);
  if (result.replicasShared === false) {
    problems.push(`the replicas never both handled deliveries within one check (${result.replicas?.join(" / ")} in all): the events were not shared`);
  }
  if (result.httpErrors) {
    problems.push(`${result.httpErrors} failed request(s): ${result.errorSamples.join(" | ")}${result.notesDetail ? ` (${result.notesDetail})` : ""}`);
  }
  if (result.outage) {
    const wrong = [...result.outage.statuses].filter(([status]) => status !== "200" && status !== "503");
    if (wrong.length) problems.push(`while PostgreSQL was down the web answered ${wrong.map(([s, n]) => `${s}x${n}`).join(" ")} (only 200 or 503 expected)`);
  }
  return problems;
}
