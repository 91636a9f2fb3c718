// `go install module/cmd@version` into a tool's cache folder, for Go tools whose go.mod has no
// replace directives (Helm, kubeconform). The binary is built into a staging folder and moved
// into place only once it runs, so an interrupted build never leaves a half tool that locate()
// would pick up.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { toolsEnv } from "../env.ts";
import { locate, onPath } from "../locate.ts";
import { elapsedSince, type InstallResult } from "./result.ts";
import { captureOutput, runLogged } from "./run-logged.ts";

export interface GoTool {
  /** The binary `go install` produces; also its name in `npm run tools` and locate(). */
  tool: "helm" | "kubeconform";
  /** Package path with its version, e.g. helm.sh/helm/v4/cmd/helm@v4.3.2. */
  packageAtVersion: string;
  /** The cache folder the binary lands in. */
  targetDir: string;
  /** Arguments that make the built binary print its version; the output must match `expect`. */
  versionArgs: string[];
  expect: RegExp;
}

export const goMissing = "Go is not installed: install Go 1.26+ (https://go.dev/doc/install, or `apt-get install -y golang`)";

/** The tool as locate() finds it (cache or PATH), else built with `go install`. */
export async function goInstall(spec: GoTool): Promise<InstallResult> {
  const found = locate(spec.tool);
  if (found) return { tool: spec.tool, status: "found", detail: found };
  if (!onPath("go")) return { tool: spec.tool, status: "missing", detail: goMissing };
  const started = Date.now();
  const work = path.join(toolsEnv.cacheDir, "build", path.basename(spec.targetDir));
  const staging = path.join(work, "bin");
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  const logFile = path.join(work, "go-install.log");
  fs.rmSync(logFile, { force: true });
  // The compiler's scratch folder beside the log, not in /tmp: a /tmp cleaned by something else
  // mid-build fails it with "could not import ... _pkg_.a: no such file".
  const scratch = path.join(work, "tmp");
  fs.mkdirSync(scratch, { recursive: true });
  console.log(`  go install ${spec.packageAtVersion} (a cold build takes minutes on 2 cores); log: ${logFile}`);
  await runLogged({
    label: `go install ${spec.tool}`,
    command: "go",
    args: ["install", spec.packageAtVersion],
    // Outside any checkout, so no go.mod or go.work of ours is consulted.
    cwd: os.tmpdir(),
    env: { GOBIN: staging, GOTMPDIR: scratch, CGO_ENABLED: "0", GOWORK: "off", GOFLAGS: "-buildvcs=false" },
    logFile,
  });
  const built = path.join(staging, spec.tool);
  const version = await captureOutput(built, spec.versionArgs);
  if (version === undefined || !spec.expect.test(version)) {
    throw new Error(`${built} ${spec.versionArgs.join(" ")} printed ${JSON.stringify(version ?? "nothing")}, expected ${spec.expect}`);
  }
  fs.mkdirSync(spec.targetDir, { recursive: true });
  fs.renameSync(built, path.join(spec.targetDir, spec.tool));
  return { tool: spec.tool, status: "installed", detail: `${path.join(spec.targetDir, spec.tool)} (${version.trim()})`, seconds: elapsedSince(started) };
}

/**
 * The folder of a module version in the Go module cache (`go mod download -json`), downloading
 * it once. Used for modules we only read files from: their size does not matter to the build.
 */
export async function goModuleDir(module: string, version: string, logFile: string): Promise<string> {
  const jsonFile = `${logFile}.go-mod-download.json`;
  fs.rmSync(jsonFile, { force: true });
  await runLogged({
    label: `go mod download ${module}@v${version}`,
    command: "go",
    args: ["mod", "download", "-json", `${module}@v${version}`],
    cwd: os.tmpdir(),
    env: { GOWORK: "off" },
    logFile: jsonFile,
  });
  const text = fs.readFileSync(jsonFile, "utf8");
  const info = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new Error(`go mod download ${module}@v${version}: ${info.Error ?? "no Dir in its answer"}`);
  return info.Dir;
}
