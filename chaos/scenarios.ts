// The fault scenarios of issue 6, each run against a started product under the mixed workload of
// several users, with one poison event injected on purpose, then judged by the books once
// everything has settled. The same definitions run at full size (`npm run chaos`) and at CI size
// (chaos/faults.test.ts, inside `npm test`); only the numbers in ChaosSize differ.
import type { SidecarDouble } from "@taskboard/workers/sidecar-double";
import { measureRecovery, problemsIn, settledBooks, type Books } from "./books.ts";
import { injectPoison } from "./poison.ts";
import type { ChaosProduct } from "./product.ts";
import { Workload, type OutageAnswers } from "./workload.ts";

export interface ChaosSize {
  /** Seconds of workload per scenario. */
  workloadSeconds: number;
  users: number;
  /** SIGKILLs of the workers in scenario 1. */
  kills: number;
  /** Scenario 3: PostgreSQL stopped this long. */
  postgresDownSeconds: number;
  /** Scenario 4: the transport unavailable this long. */
  transportDownSeconds: number;
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
  workersDownSeconds: 8,
  staleLockMs: 5_000,
  settleCapMs: 120_000,
};

export interface ScenarioContext {
  chaos: ChaosProduct;
  size: ChaosSize;
  /** The sidecar the workers talk to, for scenarios on the Dapr transport. */
  double?: SidecarDouble;
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
}

interface FaultRun {
  ctx: ScenarioContext;
  workload: Workload;
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
}

/** After PostgreSQL is back and the web ready, 503s are still expected this long (see scenario 3). */
const OUTAGE_GRACE_MS = 3_000;
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

export const SCENARIOS = {
  kill: {
    title: "1 workers SIGKILLed",
    transport: "embedded",
    async inject({ ctx, until, faultEnded }) {
      const started = Date.now();
      const span = until - started;
      const moments = Array.from({ length: ctx.size.kills }, () => rand(0.05, 0.85) * span).sort((a, b) => a - b);
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
  "sidecar-down": {
    title: "4 Dapr sidecar down",
    transport: "dapr",
    async inject(run) {
      const double = run.ctx.double;
      if (!double) throw new Error("the sidecar-down scenario needs the product on the Dapr transport");
      const seconds = run.ctx.size.transportDownSeconds;
      await faultInTheMiddle(run, seconds, () => double.setDown(true), () => double.setDown(false));
      return `sidecar double down ${seconds} s (publishes refused, nothing delivered or triggered), mutations continued`;
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
} satisfies Record<string, Scenario>;

export type ScenarioKey = keyof typeof SCENARIOS;
export const SCENARIO_KEYS = Object.keys(SCENARIOS) as ScenarioKey[];

/** Runs one scenario: users sign up, the workload runs with the fault in it, the books settle. */
export async function runScenario(key: ScenarioKey, ctx: ScenarioContext): Promise<ScenarioResult> {
  const scenario: Scenario = SCENARIOS[key];
  const { chaos, size } = ctx;
  const workload = new Workload(chaos.product.base, chaos.product.origin);
  const users = [];
  for (let i = 0; i < size.users; i++) users.push(await workload.signUp(`chaos-${key}-${i}`));
  const ids = users.map((u) => u.id);
  const poisonIds = [await injectPoison(chaos.pool, ids[0] as string)];

  const until = Date.now() + size.workloadSeconds * 1000;
  const result: Partial<ScenarioResult> = {};
  let recovery: Promise<number> | undefined;
  const faultEnded = () => {
    recovery ??= measureRecovery(chaos.pool, ids, Date.now(), size.settleCapMs);
  };
  const run: FaultRun = { ctx, workload, until, faultEnded, result };
  const [notes] = await Promise.all([scenario.inject(run), ...users.map((u) => workload.drive(u, until))]);

  const books = await settledBooks(chaos.pool, ids, poisonIds, size.settleCapMs);
  return {
    ...result,
    key,
    title: scenario.title,
    books,
    httpErrors: workload.errors,
    errorSamples: workload.errorSamples,
    recoveryMs: await (recovery ?? measureRecovery(chaos.pool, ids, Date.now(), size.settleCapMs)),
    notes: `${notes}; ${poisonIds.length} poison event injected`,
  };
}

/** What makes a scenario fail: anything lost or duplicated, an unexpected dead letter, a failed mutation. */
export function problemsOf(result: ScenarioResult): string[] {
  const problems = problemsIn(result.books);
  if (result.httpErrors) {
    problems.push(`${result.httpErrors} failed request(s): ${result.errorSamples.join(" | ")}${result.notesDetail ? ` (${result.notesDetail})` : ""}`);
  }
  if (result.outage) {
    const wrong = [...result.outage.statuses].filter(([status]) => status !== "200" && status !== "503");
    if (wrong.length) problems.push(`while PostgreSQL was down the web answered ${wrong.map(([s, n]) => `${s}x${n}`).join(" ")} (only 200 or 503 expected)`);
  }
  return problems;
}
