// `npm run audit:deps`: known vulnerabilities in the production dependency tree.
//
// Runs `npm audit --omit=dev --audit-level=high --json` and decides:
// - high or critical advisories       → lists them, exit 1;
// - none (or only low/moderate)       → one summary line, exit 0;
// - the registry has no audit endpoint (a mirror answering 404/405/501) or cannot be reached
//                                     → prints exactly "skipped: npm audit endpoint not available", exit 0;
// - anything else (npm crashed, output not JSON) → the error, exit 2.
import { spawnSync } from "node:child_process";

export const SKIPPED = "skipped: npm audit endpoint not available";

type Severity = "info" | "low" | "moderate" | "high" | "critical";

interface AuditReport {
  auditReportVersion?: number;
  vulnerabilities?: Record<string, { name?: string; severity?: Severity; via?: unknown[]; fixAvailable?: unknown }>;
  metadata?: {
    vulnerabilities?: Partial<Record<Severity | "total", number>>;
    dependencies?: number | { prod?: number; total?: number };
  };
  // The shape npm prints when the endpoint itself fails.
  statusCode?: number;
  code?: string;
  message?: string;
  error?: unknown;
}

export interface AuditDecision {
  exitCode: 0 | 1 | 2;
  lines: string[];
}

const UNAVAILABLE_STATUS = new Set([404, 405, 501]);
const UNREACHABLE_CODES = new Set(["ENOTFOUND", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EAI_AGAIN", "ENETUNREACH"]);

function parse(stdout: string): AuditReport | null {
  try {
    const value: unknown = JSON.parse(stdout);
    return typeof value === "object" && value !== null ? (value as AuditReport) : null;
  } catch {
    return null;
  }
}

function endpointUnavailable(report: AuditReport | null, stderr: string): boolean {
  if (report?.statusCode !== undefined && UNAVAILABLE_STATUS.has(report.statusCode)) return true;
  if (report?.code !== undefined && UNREACHABLE_CODES.has(report.code)) return true;
  if (/audit endpoint returned an error/i.test(stderr) && /\b(404|405|501)\b/.test(stderr)) return true;
  return [...UNREACHABLE_CODES].some((code) => stderr.includes(code)) && !report?.metadata;
}

/** The decision for one `npm audit --json` run (pure, so it can be tested with recorded output). */
export function decide(stdout: string, stderr: string): AuditDecision {
  const report = parse(stdout);
  if (endpointUnavailable(report, stderr)) return { exitCode: 0, lines: [SKIPPED] };
  const counts = report?.metadata?.vulnerabilities;
  if (!report || !counts) {
    const reason = report?.message ?? (stderr.trim().split("\n").at(-1) || "npm audit printed no report");
    return { exitCode: 2, lines: [`npm audit failed: ${reason}`] };
  }
  const deps = report.metadata?.dependencies;
  const depCount = typeof deps === "number" ? deps : (deps?.prod ?? deps?.total ?? 0);
  const severe = Object.entries(report.vulnerabilities ?? {}).filter(
    ([, v]) => v.severity === "high" || v.severity === "critical",
  );
  const summary =
    `npm audit (production dependencies: ${depCount}): ` +
    `${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`;
  if ((counts.high ?? 0) + (counts.critical ?? 0) === 0 && severe.length === 0) {
    return { exitCode: 0, lines: [summary] };
  }
  const details = severe.map(([name, v]) => {
    const titles = (v.via ?? [])
      .map((via) => (typeof via === "object" && via !== null && "title" in via ? String((via as { title: unknown }).title) : null))
      .filter((title): title is string => title !== null);
    const fix = v.fixAvailable ? "fix available (npm audit fix)" : "no fix yet";
    return `  ${v.severity}: ${v.name ?? name}${titles.length ? ` - ${titles.join("; ")}` : ""} (${fix})`;
  });
  return { exitCode: 1, lines: [summary, "High or critical advisories:", ...details] };
}

function main(): never {
  const run = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) {
    console.error(`npm audit could not run: ${run.error.message}`);
    process.exit(2);
  }
  const { exitCode, lines } = decide(run.stdout ?? "", run.stderr ?? "");
  for (const line of lines) (exitCode === 0 ? console.log : console.error)(line);
  process.exit(exitCode);
}

main();
