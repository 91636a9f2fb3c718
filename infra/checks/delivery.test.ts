// Dockerfiles, scripts and the release workflow, checked statically; plus the checks that need
// a tool this machine may lack (docker engine, shellcheck). Those run where the tool exists and
// otherwise print "skipped: <tool> ..." instead of passing silently. The chart's Helm and
// kubeconform checks are in helm.test.ts.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INFRA_DIR, REPO_DIR, hasDockerEngine, hasTool, loadYaml } from "./helpers.ts";

// Parsed manifests of arbitrary shape, navigated by the assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const read = (p: string) => fs.readFileSync(path.join(REPO_DIR, p), "utf8");

interface Stage {
  name: string;
  from: string;
  lines: string[];
}

/** Splits a Dockerfile into stages (continuation lines joined, comments dropped). */
export function dockerStages(text: string): Stage[] {
  const logical = text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const stages: Stage[] = [];
  for (const line of logical) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) stages.push({ name: from[2] ?? String(stages.length), from: from[1] as string, lines: [] });
    else stages.at(-1)?.lines.push(line);
  }
  return stages;
}

const dockerfiles = ["apps/web/Dockerfile", "apps/workers/Dockerfile"];

describe.each(dockerfiles)("%s", (file) => {
  const stages = dockerStages(read(file));
  const final = stages.at(-1) as Stage;

  it("is multi-stage", () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
  });

  it("runs as a non-root user in the final stage", () => {
    const users = final.lines.filter((l) => /^USER\s/i.test(l)).map((l) => l.split(/\s+/)[1] as string);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
  });

  it("has a HEALTHCHECK and a CMD", () => {
    expect(final.lines.some((l) => /^HEALTHCHECK\s/i.test(l))).toBe(true);
    expect(final.lines.some((l) => /^CMD\s/i.test(l))).toBe(true);
  });

  it("installs no dev dependencies into the final image", () => {
    const installs = (s: Stage) => s.lines.filter((l) => /npm (ci|install)\b/.test(l));
    expect(installs(final)).toEqual([]);
    const sources = new Set(final.lines.flatMap((l) => [.../--from=(\S+)/.exec(l)?.slice(1) ?? []]));
    for (const s of stages.filter((st) => sources.has(st.name))) {
      const copiesNodeModules = final.lines.some((l) => l.includes(`--from=${s.name}`) && /\/app\/ \.\/|node_modules/.test(l));
      if (copiesNodeModules) for (const cmd of installs(s)) expect(cmd, `${s.name}: ${cmd}`).toMatch(/--omit=dev/);
    }
  });

  it("prunes the monorepo to the app and builds from the repository root", () => {
    expect(stages[0]?.lines.join("\n")).toMatch(/turbo prune @taskboard\/(web|workers) --docker/);
  });
});

describe("app-specific image contents", () => {
  it("web: Next standalone output, static assets, server.js", () => {
    const text = read("apps/web/Dockerfile");
    expect(text).toMatch(/NEXT_OUTPUT=standalone/);
    expect(text).toContain(".next/standalone");
    expect(text).toContain(".next/static");
    expect(text).toMatch(/CMD \["node", "apps\/web\/server\.js"\]/);
    expect(read("apps/web/next.config.ts")).toMatch(/NEXT_OUTPUT === "standalone"/);
  });

  it("workers: production dependencies plus tsx, started with node --import tsx src/main.ts", () => {
    const text = read("apps/workers/Dockerfile");
    expect(text).toMatch(/npm ci --omit=dev/);
    expect(text).toMatch(/tsx@/);
    expect(text).toMatch(/CMD \["node", "--import", "tsx", "src\/main\.ts"\]/);
    expect(fs.existsSync(path.join(REPO_DIR, "apps/workers/src/main.ts"))).toBe(true);
  });

  it(".dockerignore keeps local state and secrets out of the build context", () => {
    const ignore = read(".dockerignore").split(/\r?\n/);
    for (const entry of ["**/node_modules", "**/.next", ".git", ".data", "**/.env"]) expect(ignore).toContain(entry);
  });
});

describe("scripts", () => {
  const scripts = ["deploy-minikube.sh", "validate-minikube.sh"].map((s) => path.join(INFRA_DIR, "scripts", s));

  it.each(scripts.map((s) => [path.basename(s), s]))("%s: strict mode, executable, names missing tools", (_n, file) => {
    const text = fs.readFileSync(file, "utf8");
    expect(text.startsWith("#!/usr/bin/env bash\n")).toBe(true);
    expect(text).toMatch(/^set -euo pipefail$/m);
    expect(text).toMatch(/^require_tools /m);
    expect(fs.statSync(file).mode & 0o111).not.toBe(0);
  });

  it("a missing tool stops the deploy and the validation with its name", () => {
    // A PATH with only the basic utilities, so the scripts must stop before touching anything,
    // even on a machine that has minikube, helm and kubectl.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), "taskboard-path-"));
    for (const tool of ["dirname", "od", "tr", "git", "mktemp", "rm"]) {
      const found = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
      if (found) fs.symlinkSync(found, path.join(bin, tool));
    }
    try {
      const deploy = spawnSync("/bin/bash", [scripts[0] as string], { env: { PATH: bin, HOME: os.tmpdir() }, encoding: "utf8" });
      expect(deploy.status).not.toBe(0);
      expect(deploy.stderr).toMatch(/missing tool\(s\):.*minikube.*helm.*kubectl.*dapr/);
      const validate = spawnSync("/bin/bash", [scripts[1] as string], { env: { PATH: bin, HOME: os.tmpdir() }, encoding: "utf8" });
      expect(validate.status).not.toBe(0);
      expect(validate.stderr).toMatch(/missing tool\(s\):.*kubectl.*curl/);
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
  });

  it("the root package.json runs them", () => {
    const pkg = JSON.parse(read("package.json")) as { scripts: Record<string, string>; workspaces: string[] };
    expect(pkg.scripts["deploy:minikube"]).toBe("bash infra/scripts/deploy-minikube.sh");
    expect(pkg.scripts["validate:minikube"]).toBe("bash infra/scripts/validate-minikube.sh");
    expect(pkg.workspaces).toContain("infra");
  });

  const shellcheck = hasTool("shellcheck");
  it.runIf(!shellcheck)("shellcheck", () => {
    console.log("skipped: shellcheck not installed (apt-get install -y shellcheck)");
  });
  it.skipIf(!shellcheck).each(scripts.map((s) => [path.basename(s), s]))("shellcheck %s", (_n, file) => {
    const result = spawnSync("shellcheck", ["-x", file], { encoding: "utf8" });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});

describe("release workflow", () => {
  const wf = loadYaml<Json>(path.join(REPO_DIR, ".github/workflows/release.yml"));
  const steps = Object.values(wf.jobs as Json).flatMap((job: Json) => (job.steps ?? []) as Json[]);

  it("tests on push and pull request, releases on version tags", () => {
    expect(wf.on.pull_request).toBeDefined();
    expect(wf.on.push.tags).toContain("v*");
    expect(wf.jobs.images.needs).toEqual(expect.arrayContaining(["test", "chart"]));
    expect(wf.jobs.deploy.needs).toContain("images");
    expect(wf.jobs.images.if).toMatch(/refs\/tags\/v/);
    expect(wf.jobs.deploy.if).toMatch(/refs\/tags\/v/);
  });

  it("pins every action to a full commit SHA with its version in a comment", () => {
    const text = read(".github/workflows/release.yml");
    const uses = [...text.matchAll(/uses:\s*(\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, ref, rest] of uses) {
      expect(ref, String(ref)).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/);
      expect(rest, String(ref)).toMatch(/# v\d+\.\d+\.\d+/);
    }
  });

  it("builds and pushes both images and deploys with helm upgrade --install", () => {
    const builds = steps.filter((s) => String(s.uses).startsWith("docker/build-push-action@"));
    expect(builds.map((s) => s.with.file).sort()).toEqual(["apps/web/Dockerfile", "apps/workers/Dockerfile"]);
    expect(builds.every((s) => s.with.push === true)).toBe(true);
    expect(steps.some((s) => /helm upgrade --install/.test(String(s.run)))).toBe(true);
  });
});

describe("image builds (docker)", () => {
  const docker = hasDockerEngine();
  it.runIf(!docker)("docker build", () => {
    console.log("skipped: docker engine not available");
  });
  it.skipIf(!docker).each(dockerfiles)("docker build -f %s", (file) => {
    execFileSync("docker", ["build", "-f", file, "-t", `taskboard-check-${path.basename(path.dirname(file))}`, "."], { cwd: REPO_DIR, stdio: "inherit", timeout: 1_800_000 });
  }, 1_800_000);
});
