// `npm run chaos`: the fault scenarios at full size against the product as `npm start` runs it
// (embedded PostgreSQL, production web, workers restarted on crash; a second product on the Dapr
// transport with a real Kafka, Dapr scheduler and daprd for the Dapr scenarios), each under a
// mixed workload of several signed-in users over real HTTP, judged by the books and printed as one
// table. Loopback only, free ports, bounded, and it only ever signals processes it started. The
// same scenarios run at CI size in faults.test.ts.
// Knobs: CHAOS_SECONDS (workload per scenario, default 60), CHAOS_USERS (default 4),
// CHAOS_SCENARIOS (comma list, default all): kill, two-workers, postgres-down, queue-locked,
// workers-down-reminders, kafka-down, sidecar-killed, scheduler-restart, dapr-replicas.
import { missingFor, scenariosOn, startEnvironment } from "./environments.ts";
import { FULL_SIZE, problemsOf, runScenario, SCENARIO_KEYS, type ScenarioKey, type ScenarioResult } from "./scenarios.ts";
import { formatTable } from "./table.ts";

const size = {
  ...FULL_SIZE,
  workloadSeconds: Number(process.env.CHAOS_SECONDS ?? FULL_SIZE.workloadSeconds),
  users: Number(process.env.CHAOS_USERS ?? FULL_SIZE.users),
};
const requested = (process.env.CHAOS_SCENARIOS?.split(",").map((s) => s.trim()) ?? SCENARIO_KEYS) as ScenarioKey[];
const unknown = requested.filter((key) => !SCENARIO_KEYS.includes(key));
if (unknown.length) {
  console.error(`chaos: unknown scenario(s) ${unknown.join(", ")}; known: ${SCENARIO_KEYS.join(", ")}`);
  process.exit(2);
}
const hardCapMs = (requested.length * (size.workloadSeconds + size.settleCapMs / 1000 + 60) + 600) * 1000;
setTimeout(() => {
  console.error(`chaos: hard cap of ${hardCapMs / 1000} s reached, stopping`);
  process.exit(2);
}, hardCapMs).unref();

const log = (msg: string) => console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${msg}`);
const results: ScenarioResult[] = [];
const logs: string[] = [];
const skipped: string[] = [];
for (const transport of ["embedded", "dapr"] as const) {
  const keys = scenariosOn(transport, requested);
  if (keys.length === 0) continue;
  const missing = missingFor(transport);
  if (missing.length > 0) {
    for (const line of missing) console.log(line);
    skipped.push(...keys.map((key) => `${key} (${missing.map((line) => line.replace(/^skipped: /, "")).join("; ")})`));
    continue;
  }
  log(`starting the product (${transport} transport)`);
  const env = await startEnvironment(transport, size);
  logs.push(...env.logs);
  try {
    for (const key of keys) {
      log(`scenario ${key}: ${size.workloadSeconds} s of workload from ${size.users} users`);
      const result = await runScenario(key, env);
      log(`scenario ${key}: ${JSON.stringify(result.books)}`);
      results.push(result);
    }
  } finally {
    await env.stop();
  }
}

console.log(`\nFault scenarios, ${size.workloadSeconds} s of workload each, ${size.users} users\n${formatTable(results)}`);
const outage = results.find((r) => r.outage?.sample)?.outage;
if (outage) console.log(`Body of a 503 while PostgreSQL was down: ${outage.sample}`);
const failures = results.flatMap((r) => problemsOf(r).map((p) => `${r.title}: ${p}`));
for (const failure of failures) console.log(`FAILED ${failure}`);
for (const key of skipped) console.log(`SKIPPED ${key}`);
console.log(`logs: ${logs.join(", ")}`);
process.exit(failures.length ? 1 : 0);
