// `npm test`: every workspace's unit and integration tests (real PostgreSQL), then the Playwright
// end-to-end suite in a real Chromium against the real processes.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

function step(name: string, command: string, args: string[]): number {
  console.log(`\n=== ${name}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  return result.status ?? 1;
}

let failed = 0;
failed += step("unit and integration tests", "npx", ["turbo", "run", "test", "--concurrency=1", "--output-logs=full"]) ? 1 : 0;

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (fs.existsSync(chromium)) {
  failed += step("end-to-end tests (Playwright, Chromium)", "npm", ["run", "e2e", "-w", "@taskboard/web"]) ? 1 : 0;
} else {
  console.log("skipped: chromium not installed (end-to-end tests); `apt-get install -y chromium`");
  if (process.env.CI) failed += 1;
}

console.log(failed ? `\n${failed} test step(s) failed` : "\nall test steps passed");
process.exit(failed ? 1 : 0);
