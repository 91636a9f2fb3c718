// `npm run tools`: makes every pinned tool available (built or fetched once into the cache,
// reused afterwards) and says what it did for each; `npm run tools -- helm kubeconform` only
// those (the names `npm run tools` prints). A missing prerequisite (Go, Java) is reported with
// how to get it and, for the full run, does not fail the command: the tests that need that tool
// say `skipped:`. A failed build, or a tool named on the command line that stays missing, does.
import { toolsEnv } from "./env.ts";
import { installers } from "./install/index.ts";
import type { InstallResult } from "./install/result.ts";

const started = Date.now();
const wanted = process.argv.slice(2);
/** "daprd + scheduler" answers to either name. */
const answersTo = (tool: string, name: string) => tool === name || tool.split(" + ").includes(name);
const unknown = wanted.filter((name) => !installers.some((i) => answersTo(i.tool, name)));
if (unknown.length > 0) {
  console.error(`unknown tool(s): ${unknown.join(", ")}; known: ${installers.map((i) => i.tool).join(", ")}`);
  process.exit(2);
}
const selected = wanted.length === 0 ? installers : installers.filter((i) => wanted.some((name) => answersTo(i.tool, name)));
console.log(`tools cache: ${toolsEnv.cacheDir}`);
const results: InstallResult[] = [];
let failures = 0;
for (const { tool, install } of selected) {
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
// Tools asked for by name must be there: CI names the ones its checks cannot do without.
process.exit(failures > 0 || (wanted.length > 0 && missing.length > 0) ? 1 : 0);
