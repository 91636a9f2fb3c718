// `npm run tools`: makes every pinned tool available (built or fetched once into the cache,
// reused afterwards) and says what it did for each. A missing prerequisite (Go, Java) is reported
// with how to get it and does not fail the command: the tests that need that tool say `skipped:`.
// A failed build does fail it.
import { toolsEnv } from "./env.ts";
import { installers } from "./install/index.ts";
import type { InstallResult } from "./install/result.ts";

const started = Date.now();
console.log(`tools cache: ${toolsEnv.cacheDir}`);
const results: InstallResult[] = [];
let failures = 0;
for (const { tool, install } of installers) {
  try {
    const result = await install();
    results.push(result);
    const how = result.status === "installed" ? `installed in ${result.seconds} s` : result.status;
    console.log(`${tool}: ${how} (${result.detail})`);
  } catch (error) {
    failures++;
    console.error(`${tool}: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  }
}
const missing = results.filter((r) => r.status === "missing");
console.log(
  `tools: ${results.length - missing.length} ready, ${missing.length} missing, ${failures} failed, in ${Math.round((Date.now() - started) / 1000)} s`,
);
process.exit(failures > 0 ? 1 : 0);
