// `npm test`: type check and lint, the dependency audit, every workspace's unit and integration
// tests (real PostgreSQL), the Playwright end-to-end suite in a real Chromium against the real
// processes, then the fault scenarios at CI size. Ends with one line that totals every runner's
// counts.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { missingDaprTools } from "@taskboard/devtools";
import { addCounts, countsFromOutput, failedTestsFromOutput, type Counts } from "./test-counts.ts";

async function step(name: string, command: string, args: string[], totals: Counts): Promise<boolean> {
  console.log(`\n=== ${name}`);
  // Both streams are read: Vitest prints its failure summary on stderr.
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: process.env });
  let output = "";
  let errors = "";
  child.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    errors += chunk.toString();
  });
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  addCounts(totals, countsFromOutput(output));
  for (const test of failedTestsFromOutput(`${output}\n${errors}`)) failedTests.push(`${name}: ${test}`);
  if (code !== 0) failedStepNames.push(name);
  return code === 0;
}

const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
const failedTests: string[] = [];
const failedStepNames: string[] = [];
let failedSteps = 0;
if (!(await step("type check and lint", "npx", ["turbo", "run", "typecheck", "lint", "--output-logs=errors-only"], totals))) {
  failedSteps++;
}
// Prints `skipped: npm audit endpoint not available` where the registry has no audit endpoint.
if (!(await step("production dependencies: npm audit (high, critical)", "npx", ["tsx", "scripts/audit-deps.ts"], totals))) {
  failedSteps++;
}
if (!(await step("unit and integration tests", "npx", ["turbo", "run", "test", "--concurrency=1", "--continue=always", "--output-logs=full"], totals))) {
  failedSteps++;
}

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (fs.existsSync(chromium)) {
  if (!(await step("end-to-end tests (Playwright, Chromium)", "npm", ["run", "e2e", "-w", "@taskboard/web"], totals))) {
    failedSteps++;
  }
} else {
  console.log("skipped: chromium not installed (end-to-end tests); `apt-get install -y chromium`");
  if (process.env.CI) failedSteps++;
}

// The real Dapr runtime (daprd, the scheduler, Kafka, Redis Streams) built by `npm run tools`:
// the transport contract, delivery, publish and Jobs suites, and the end-to-end specs on
// `npm run start:dapr`.
const missingDapr = [...new Set([...missingDaprTools("kafka"), ...missingDaprTools("redis")])];
if (missingDapr.length === 0) {
  if (!(await step("Dapr runtime: contract, delivery, publish, jobs (daprd + Kafka, daprd + Redis Streams)", "npm", ["run", "test:dapr", "-w", "@taskboard/workers"], totals))) {
    failedSteps++;
  }
  if (fs.existsSync(chromium) && !(await step("Dapr runtime: end to end on npm run start:dapr", "npm", ["run", "e2e:dapr", "-w", "@taskboard/web"], totals))) {
    failedSteps++;
  }
} else {
  for (const line of missingDapr) console.log(line);
  totals.skipped += missingDapr.length;
  if (process.env.CI) failedSteps++;
}

// The fault scenarios of `npm run chaos` at a smaller size, against the real product (its own
// free ports and data folder); after the end-to-end step so the web build is already cached.
if (!(await step("fault scenarios (CI size)", "npm", ["run", "test:faults", "-w", "@taskboard/chaos"], totals))) {
  failedSteps++;
}

// A step can fail without a failed test (a crash, a build error): count it as a failure too.
const failed = Math.max(totals.failed, failedSteps);
console.log(`\n${failedSteps ? `${failedSteps} test step(s) failed` : "all test steps passed"}`);
for (const stepName of failedStepNames) console.log(`  failed step: ${stepName}`);
for (const test of failedTests) console.log(`  failed test: ${test}`);
console.log(`tests: ${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps ? 1 : 0);
