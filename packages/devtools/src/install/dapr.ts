// daprd and the Dapr scheduler, built from the dapr/dapr Go module. Its go.mod has replace
// directives, so `go install module@version` refuses it: download the module, copy it somewhere
// writable and build there. `stablecomponents` compiles the stable components in (without a
// components tag daprd has none and panics at start). CGO off: static binaries.
import fs from "node:fs";
import path from "node:path";
import { toolsEnv } from "../env.ts";
import { locate, onPath, toolDirs } from "../locate.ts";
import { DAPR_BUILD_REPLACES, VERSIONS } from "../versions.ts";
import { elapsedSince, type InstallResult } from "./result.ts";
import { captureOutput, runLogged } from "./run-logged.ts";

export async function installDapr(): Promise<InstallResult> {
  const daprd = locate("daprd");
  const scheduler = locate("scheduler");
  if (daprd && scheduler) return { tool: "daprd + scheduler", status: "found", detail: `${daprd}, ${scheduler}` };
  if (!onPath("go")) {
    return {
      tool: "daprd + scheduler",
      status: "missing",
      detail: "Go is not installed: install Go 1.26+ (https://go.dev/doc/install, or `apt-get install -y golang`), or `dapr init --slim`",
    };
  }
  const started = Date.now();
  const target = toolDirs.dapr();
  const work = path.join(toolsEnv.cacheDir, "build", `dapr-${VERSIONS.dapr}`);
  fs.mkdirSync(work, { recursive: true });
  const logFile = path.join(work, "build.log");
  console.log(`  building daprd and scheduler ${VERSIONS.dapr} from source (a cold build takes 10-30 min on 2 cores); log: ${logFile}`);
  const info = await captureOutput("go", ["mod", "download", "-json", `github.com/dapr/dapr@v${VERSIONS.dapr}`]);
  const moduleDir = info ? (JSON.parse(info) as { Dir?: string }).Dir : undefined;
  if (!moduleDir) throw new Error(`go mod download github.com/dapr/dapr@v${VERSIONS.dapr} failed`);
  const source = path.join(work, "src");
  fs.rmSync(source, { recursive: true, force: true });
  fs.cpSync(moduleDir, source, { recursive: true });
  makeWritable(source);
  const env = { CGO_ENABLED: "0", GOWORK: "off", GOFLAGS: "-mod=mod" };
  for (const replace of DAPR_BUILD_REPLACES) {
    await runLogged({ label: `go mod edit -replace ${replace}`, command: "go", args: ["mod", "edit", "-replace", replace], cwd: source, env, logFile });
  }
  const staging = path.join(work, "bin");
  fs.mkdirSync(staging, { recursive: true });
  for (const [name, args] of [
    ["daprd", ["-tags", "stablecomponents", "-o", path.join(staging, "daprd"), "./cmd/daprd"]],
    ["scheduler", ["-o", path.join(staging, "scheduler"), "./cmd/scheduler"]],
  ] as const) {
    await runLogged({ label: `go build ${name}`, command: "go", args: ["build", "-buildvcs=false", ...args], cwd: source, env, logFile });
  }
  // Only a complete pair lands in the cache folder that locate() reads.
  fs.mkdirSync(target, { recursive: true });
  for (const name of ["daprd", "scheduler"]) fs.renameSync(path.join(staging, name), path.join(target, name));
  fs.rmSync(source, { recursive: true, force: true });
  return { tool: "daprd + scheduler", status: "installed", detail: target, seconds: elapsedSince(started) };
}

function makeWritable(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    fs.chmodSync(file, entry.isDirectory() ? 0o755 : 0o644);
  }
  fs.chmodSync(dir, 0o755);
}
