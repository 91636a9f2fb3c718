// The environment contract between the apps and the chart: every variable the apps read
// (apps/web/src/env.ts, apps/workers/src/env.ts and the Dapr transport's config schema under
// apps/workers/src/transports/dapr) is set by the chart, and the chart sets nothing the apps do not read,
// except the documented exceptions below. Adding a variable to an app without adding it to the
// chart fails here.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHART_DIR, REPO_DIR, listFiles, rel } from "./helpers.ts";

/** Read by an app but deliberately not set by the chart. */
const APP_ONLY: Record<string, Record<string, string>> = {
  web: {
    NEXT_PHASE: "set by Next.js itself during `next build`",
    SKIP_ENV_VALIDATION: "build-time switch for the Docker build stage, never set at run time",
  },
  workers: {},
};

/** Set by the chart but not read through the apps' env schemas. */
const CHART_ONLY: Record<string, Record<string, string>> = {
  web: {
    PORT: "read by the Next.js standalone server (server.js), not by env.ts",
    HOSTNAME: "read by the Next.js standalone server: bind on all interfaces in the pod",
  },
  workers: {},
};

const SOURCES: Record<string, string[]> = {
  web: [path.join(REPO_DIR, "apps/web/src/env.ts")],
  workers: [
    path.join(REPO_DIR, "apps/workers/src/env.ts"),
    ...listFiles(path.join(REPO_DIR, "apps/workers/src/transports/dapr"), /\.ts$/).filter(
      (f) => !/\.test\.ts$/.test(f) && !f.includes(`${path.sep}testing${path.sep}`),
    ),
  ],
};

/** Variable names a source file reads: keys of env schemas and direct process.env reads. */
export function envNamesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/process\.env(?:\.([A-Z_][A-Z0-9_]*)|\[\s*["']([A-Z_][A-Z0-9_]*)["']\s*\])/g)) names.add((m[1] ?? m[2]) as string);
  // Schema keys (`DATABASE_URL: z...`) only in files that define an env schema.
  if (/createEnv\(|EnvShape\b|process\.env/.test(text)) {
    for (const m of text.matchAll(/^\s+([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\s*:/gm)) names.add(m[1] as string);
  }
  return names;
}

function appEnv(app: string): Set<string> {
  const names = new Set<string>();
  for (const f of SOURCES[app] ?? []) if (fs.existsSync(f)) for (const n of envNamesIn(fs.readFileSync(f, "utf8"))) names.add(n);
  return names;
}

/** Variable names the chart gives an app's container: its ConfigMap keys and env entries. */
function chartEnv(app: string): Set<string> {
  const tpl = path.join(CHART_DIR, "templates");
  const names = new Set<string>();
  const configMap = fs.readFileSync(path.join(tpl, app, "configmap.yaml"), "utf8");
  const data = configMap.slice(configMap.indexOf("\ndata:"));
  for (const m of data.matchAll(/^\s{2}([A-Z][A-Z0-9_]*):/gm)) names.add(m[1] as string);
  const deployment = fs.readFileSync(path.join(tpl, app, "deployment.yaml"), "utf8");
  for (const m of deployment.matchAll(/- name: ([A-Z][A-Z0-9_]*)\s*$/gm)) names.add(m[1] as string);
  const helpers = fs.readFileSync(path.join(tpl, "_helpers.tpl"), "utf8");
  for (const m of deployment.matchAll(/include "(taskboard\.[a-zA-Z]+Env)"/g)) {
    const block = helpers.slice(helpers.indexOf(`define "${m[1]}"`), helpers.indexOf("{{- end -}}", helpers.indexOf(`define "${m[1]}"`)));
    for (const n of block.matchAll(/- name: ([A-Z][A-Z0-9_]*)/g)) names.add(n[1] as string);
  }
  return names;
}

/** Public (browser) variables are baked into the bundle at build time: a Dockerfile ARG counts. */
function buildArgs(app: string): Set<string> {
  const file = path.join(REPO_DIR, "apps", app, "Dockerfile");
  if (!fs.existsSync(file)) return new Set();
  return new Set([...fs.readFileSync(file, "utf8").matchAll(/^ARG\s+([A-Z][A-Z0-9_]*)/gm)].map((m) => m[1] as string));
}

export function contractGaps(app: string, reads: Set<string>, sets: Set<string>, args: Set<string>) {
  const notSet = [...reads].filter((n) => !sets.has(n) && !(n in (APP_ONLY[app] ?? {})) && !(n.startsWith("NEXT_PUBLIC_") && args.has(n)));
  const notRead = [...sets].filter((n) => !reads.has(n) && !(n in (CHART_ONLY[app] ?? {})));
  return { notSet: notSet.sort(), notRead: notRead.sort() };
}

describe.each(["web", "workers"])("%s environment", (app) => {
  const reads = appEnv(app);
  const sets = chartEnv(app);

  it("the app's env sources exist and declare DATABASE_URL and LOG_LEVEL", () => {
    for (const f of SOURCES[app] ?? []) expect(fs.existsSync(f), rel(f)).toBe(true);
    expect(reads).toContain("DATABASE_URL");
    expect(reads).toContain("LOG_LEVEL");
  });

  it("every variable the app reads is set by the chart, and the chart sets no other", () => {
    expect(contractGaps(app, reads, sets, buildArgs(app))).toEqual({ notSet: [], notRead: [] });
  });

  it("documented exceptions are all still needed", () => {
    const staleAppOnly = Object.keys(APP_ONLY[app] ?? {}).filter((n) => !reads.has(n));
    const caughtUp = Object.keys(CHART_ONLY[app] ?? {}).filter((n) => reads.has(n));
    const ahead = Object.keys(CHART_ONLY[app] ?? {}).filter((n) => !reads.has(n));
    if (ahead.length) console.log(`[env contract] ${app}: set by the chart but not read through the env schema (documented): ${ahead.join(", ")}`);
    expect([...staleAppOnly, ...caughtUp], `${app}: remove these from the exception lists`).toEqual([]);
  });

  it("fails when the app reads a variable the chart does not set", () => {
    const withNew = new Set([...reads, "TASKBOARD_BRAND_NEW_SETTING"]);
    expect(contractGaps(app, withNew, sets, buildArgs(app)).notSet).toEqual(["TASKBOARD_BRAND_NEW_SETTING"]);
  });
});

describe("env name extraction", () => {
  it("finds schema keys and process.env reads, ignores constants elsewhere", () => {
    const text = 'createEnv({ server: {\n    DATABASE_URL: z.url(),\n    LOG_LEVEL: z.enum(["info"]),\n  },\n});\nconst x = process.env.NEXT_PHASE;';
    expect([...envNamesIn(text)].sort()).toEqual(["DATABASE_URL", "LOG_LEVEL", "NEXT_PHASE"]);
    expect([...envNamesIn('const S = new Set(["SUCCESS"]);\nconst o = {\n  SUCCESS: 1,\n};')]).toEqual([]);
  });
});
