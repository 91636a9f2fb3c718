// scripts/audit-deps.ts (`npm run audit:deps`) against recorded `npm audit --json` answers: a fake
// `npm` first on PATH replays each one, so the decision is tested without the registry.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const script = path.join(root, "scripts/audit-deps.ts");
const tsx = path.join(root, "node_modules/.bin/tsx");
const fakeBin = mkdtempSync(path.join(tmpdir(), "audit-deps-"));
afterAll(() => rmSync(fakeBin, { recursive: true, force: true }));

/** Runs the script with an `npm` that prints `stdout`/`stderr` and exits with `code`. */
function runWith(stdout: string, stderr: string, code: number) {
  writeFileSync(path.join(fakeBin, "out.json"), stdout);
  writeFileSync(path.join(fakeBin, "err.txt"), stderr);
  const npm = path.join(fakeBin, "npm");
  writeFileSync(
    npm,
    `#!/bin/sh\necho "$@" > "${fakeBin}/args.txt"\ncat "${fakeBin}/out.json"\ncat "${fakeBin}/err.txt" >&2\nexit ${code}\n`,
  );
  chmodSync(npm, 0o755);
  const run = spawnSync(tsx, [script], {
    encoding: "utf8",
    env: { PATH: `${fakeBin}:${path.dirname(process.execPath)}:/usr/bin:/bin`, HOME: tmpdir() } as unknown as NodeJS.ProcessEnv,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function report(counts: Record<string, number>, vulnerabilities: Record<string, unknown> = {}) {
  return JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: {
      vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts },
      dependencies: { prod: 321, dev: 0, optional: 0, peer: 0, peerOptional: 0, total: 321 },
    },
  });
}

describe("audit:deps", () => {
  it("prints exactly the skip line and exits 0 when the mirror answers 405 to the audit endpoint", () => {
    const answer = JSON.stringify({
      message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
      method: "POST",
      statusCode: 405,
      body: "",
    });
    const run = runWith(answer, "npm warn audit 405 Method Not Allowed\nnpm error audit endpoint returned an error\n", 1);
    expect(run.stdout).toBe("skipped: npm audit endpoint not available\n");
    expect(run.status).toBe(0);
    const args = spawnSync("cat", [path.join(fakeBin, "args.txt")], { encoding: "utf8" }).stdout.trim();
    expect(args).toBe("audit --omit=dev --audit-level=high --json");
  });

  it("fails with the list when high or critical advisories are reported", () => {
    const run = runWith(
      report(
        { high: 1, critical: 1, low: 2 },
        {
          "evil-lib": { name: "evil-lib", severity: "critical", via: [{ title: "Prototype pollution" }], fixAvailable: true },
          "slow-lib": { name: "slow-lib", severity: "high", via: [{ title: "ReDoS" }], fixAvailable: false },
          "meh-lib": { name: "meh-lib", severity: "low", via: [], fixAvailable: false },
        },
      ),
      "",
      1,
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("1 critical, 1 high");
    expect(run.stderr).toContain("critical: evil-lib - Prototype pollution");
    expect(run.stderr).toContain("high: slow-lib - ReDoS (no fix yet)");
    expect(run.stderr).not.toContain("meh-lib");
  });

  it("passes with a summary when nothing high or critical is reported", () => {
    const run = runWith(report({ moderate: 2, low: 1 }), "", 0);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe("npm audit (production dependencies: 321): 0 critical, 0 high, 2 moderate, 1 low");
  });

  it("fails loudly (not a silent pass) when npm prints something it cannot read", () => {
    const run = runWith("this is not json", "npm error something broke\n", 1);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("npm audit failed");
    expect(run.stdout).not.toContain("skipped");
  });
});
