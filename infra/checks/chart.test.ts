// Static checks of the Helm chart that need no `helm` binary: values against the strict schema,
// `## @param` docs on every value, template references to values and helpers, and the workload
// conventions (probes, security context, checksums, Dapr annotations, hooks).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHART_DIR, listFiles, loadYaml, newAjv, rel } from "./helpers.ts";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

const valuesFile = path.join(CHART_DIR, "values.yaml");
const values = loadYaml<Json>(valuesFile);
const valuesText = fs.readFileSync(valuesFile, "utf8");
const schema = JSON.parse(fs.readFileSync(path.join(CHART_DIR, "values.schema.json"), "utf8")) as Json;
const templatesDir = path.join(CHART_DIR, "templates");
const templateFiles = listFiles(templatesDir, /\.(ya?ml|tpl|txt)$/);
const read = (f: string) => fs.readFileSync(f, "utf8");

/** Helm merges user values over the chart defaults (maps deeply, lists and scalars replaced). */
export function mergeValues(base: unknown, over: unknown): unknown {
  if (isObject(base) && isObject(over)) {
    const out: Json = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = k in base ? mergeValues(base[k], v) : v;
    return out;
  }
  return over;
}

function validator() {
  const ajv = newAjv();
  return ajv.compile(schema);
}

function errorsOf(data: unknown): string[] {
  const validate = validator();
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
}

/** Dotted paths of every value (with `leavesOnly`, maps with keys are left out: their keys count). */
function valuePaths(obj: Json, prefix = "", leavesOnly = false): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    const p = prefix ? `${prefix}.${k}` : k;
    if (isObject(v) && Object.keys(v).length > 0) {
      if (!leavesOnly) out.push(p);
      out.push(...valuePaths(v, p, leavesOnly));
    } else out.push(p);
  }
  return out;
}

describe("values.yaml and values.schema.json", () => {
  it("the defaults validate against the schema", () => {
    expect(errorsOf(values)).toEqual([]);
  });

  it("values-managed.yaml, merged over the defaults, validates", () => {
    const managed = loadYaml<Json>(path.join(CHART_DIR, "values-managed.yaml"));
    expect(errorsOf(mergeValues(values, managed))).toEqual([]);
  });

  it("rejects unknown keys, a bad broker kind and a short auth secret", () => {
    expect(errorsOf(mergeValues(values, { web: { replicas: 2 } })).join()).toMatch(/additional properties/);
    expect(errorsOf(mergeValues(values, { dapr: { pubsub: { kind: "rabbitmq" } } })).join()).toMatch(/allowed values/);
    expect(errorsOf(mergeValues(values, { secrets: { betterAuthSecret: "short" } })).length).toBeGreaterThan(0);
    expect(errorsOf(mergeValues(values, { dapr: { jobsApiPrefix: "v2" } })).length).toBeGreaterThan(0);
  });

  it("every object in the schema is closed (additionalProperties declared)", () => {
    const open: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (!isObject(node)) return;
      if (node.type === "object" && !("additionalProperties" in node)) open.push(at || "/");
      for (const [k, v] of Object.entries(node)) {
        if (k === "properties" && isObject(v)) for (const [pk, pv] of Object.entries(v)) walk(pv, `${at}/${pk}`);
        else if (k === "items" || k === "additionalProperties") walk(v, `${at}/${k}`);
      }
    };
    walk(schema, "");
    expect(open).toEqual([]);
    expect(schema.additionalProperties).toBe(false);
  });

  it("every value is typed in the schema", () => {
    const missing = valuePaths(values).filter((p) => {
      let node: unknown = schema;
      for (const key of p.split(".")) {
        if (!isObject(node)) return true;
        const props = node.properties;
        if (isObject(props) && key in props) node = props[key];
        else if (isObject(node.additionalProperties) || node.additionalProperties === true) return false;
        else return true;
      }
      return false;
    });
    expect(missing).toEqual([]);
  });

  it("every value has a `## @param` line and every `@param` names a value", () => {
    const documented = new Set([...valuesText.matchAll(/^\s*## @param (\S+) \S/gm)].map((m) => m[1] as string));
    const paths = valuePaths(values);
    const leaves = valuePaths(values, "", true);
    const covered = (p: string) => {
      const parts = p.split(".");
      return parts.some((_, i) => documented.has(parts.slice(0, i + 1).join(".")));
    };
    expect(leaves.filter((p) => !covered(p))).toEqual([]);
    expect([...documented].filter((d) => !paths.includes(d))).toEqual([]);
  });
});

describe("templates", () => {
  const helpers = read(path.join(templatesDir, "_helpers.tpl"));
  const defined = new Set([...helpers.matchAll(/\{\{-?\s*define\s+"([^"]+)"/g)].map((m) => m[1] as string));

  it("define the named helpers the style guide asks for", () => {
    for (const name of ["taskboard.fullname", "taskboard.web.fullname", "taskboard.workers.fullname", "taskboard.labels", "taskboard.selectorLabels", "taskboard.daprAnnotations", "taskboard.validateValues"]) {
      expect(defined, name).toContain(name);
    }
  });

  it.each(templateFiles.map((f) => [rel(f), f]))("%s: actions balanced, helpers and values exist", (_n, file) => {
    const text = read(file);
    expect(text.split("{{").length, "unbalanced {{ }}").toBe(text.split("}}").length);
    for (const m of text.matchAll(/include\s+"([^"]+)"/g)) expect(defined, `include "${m[1]}"`).toContain(m[1]);
    for (const m of text.matchAll(/\.Values\.([A-Za-z0-9_.]+)/g)) {
      let node: unknown = values;
      for (const key of (m[1] as string).split(".")) {
        expect(isObject(node) && key in node, `${rel(file)}: .Values.${m[1]} is not in values.yaml`).toBe(true);
        node = (node as Json)[key];
      }
    }
    // if/with/range/define blocks close.
    const opens = [...text.matchAll(/\{\{-?\s*(if|with|range|define)\b/g)].length;
    const ends = [...text.matchAll(/\{\{-?\s*end\s*-?\}\}/g)].length;
    expect(ends, "blocks opened vs {{ end }}").toBe(opens);
  });

  const deployments = ["web", "workers"].map((c) => [c, read(path.join(templatesDir, c, "deployment.yaml"))] as const);

  it.each(deployments)("%s Deployment: probes, resources, hardened security context, checksums, Dapr annotations", (component, text) => {
    for (const needle of ["livenessProbe:", "readinessProbe:", "startupProbe:", "resources:", "containerSecurityContext", "podSecurityContext", "checksum/config:", 'include "taskboard.daprAnnotations"', "mountPath: /tmp", 'include "taskboard.labels"']) {
      expect(text, `${component}: ${needle}`).toContain(needle);
    }
  });

  it("probes point at the apps' real endpoints", () => {
    const web = (values.web as Json).probes as Json;
    const workers = (values.workers as Json).probes as Json;
    expect((web.liveness as Json).path).toBe("/api/health");
    expect((web.readiness as Json).path).toBe("/api/ready");
    expect((workers.liveness as Json).path).toBe("/healthz");
    expect((workers.readiness as Json).path).toBe("/readyz");
    expect(fs.existsSync(path.join(CHART_DIR, "../../../apps/web/src/app/api/health/route.ts"))).toBe(true);
  });

  it("the pod security defaults are non-root with a read-only root filesystem", () => {
    expect((values.podSecurityContext as Json).runAsNonRoot).toBe(true);
    expect((values.containerSecurityContext as Json).readOnlyRootFilesystem).toBe(true);
    expect((values.containerSecurityContext as Json).allowPrivilegeEscalation).toBe(false);
  });

  it("workers default to 2 replicas and Dapr annotations are gated by dapr.enabled", () => {
    expect((values.workers as Json).replicaCount).toBe(2);
    const block = helpers.slice(helpers.indexOf('define "taskboard.daprAnnotations"'));
    expect(block).toMatch(/if and \$d\.enabled \.enabled/);
    for (const a of ["dapr.io/app-id", "dapr.io/app-port", "dapr.io/config", "dapr.io/sidecar-memory-limit", "dapr.io/sidecar-cpu-limit"]) expect(block).toContain(a);
  });

  it("the migration job is a pre-install/pre-upgrade hook running the db package's migrate script", () => {
    const job = read(path.join(templatesDir, "migrate-job", "job.yaml"));
    expect(job).toContain("helm.sh/hook: pre-install,pre-upgrade");
    expect(job).toContain('command: ["npm", "run", "migrate", "-w", "@taskboard/db"]');
    const pkg = JSON.parse(read(path.join(CHART_DIR, "../../../packages/db/package.json"))) as { scripts: Record<string, string> };
    expect(pkg.scripts.migrate).toBeTruthy();
  });

  it("the ingress routes / to web and /socket.io to the workers", () => {
    const ing = read(path.join(templatesDir, "ingress.yaml"));
    expect(ing).toMatch(/path: \/socket\.io[\s\S]*taskboard\.workers\.fullname[\s\S]*path: \/\n[\s\S]*taskboard\.web\.fullname/);
  });

  it("web /metrics is a container port with scrape annotations, never a Service port the Ingress could route to", () => {
    const deployment = read(path.join(templatesDir, "web", "deployment.yaml"));
    expect(deployment).toMatch(/- name: metrics\n\s+containerPort: \{\{ \.Values\.web\.metrics\.port \}\}/);
    expect(deployment).toMatch(/prometheus\.io\/port: \{\{ \.Values\.web\.metrics\.port \| quote \}\}/);
    expect(read(path.join(templatesDir, "web", "service.yaml"))).not.toMatch(/metrics/);
    expect(read(path.join(templatesDir, "ingress.yaml"))).not.toMatch(/name: metrics|metrics\.port/);
    expect(read(path.join(templatesDir, "web", "configmap.yaml"))).toMatch(/WEB_METRICS_PORT: \{\{ ternary \.Values\.web\.metrics\.port 0 \.Values\.web\.metrics\.enabled \| quote \}\}/);
    expect(helpers).toMatch(/fail "web\.metrics\.port must differ from web\.port/);
    const web = values.web as Json;
    expect((web.metrics as Json).port).not.toBe(web.port);
  });

  it("the auth proxy settings validate like the app does: IP/CIDR entries, header names", () => {
    expect(errorsOf(mergeValues(values, { web: { auth: { trustedProxies: ["10.244.0.0/16", "192.0.2.10", "2001:db8::/32"] } } }))).toEqual([]);
    expect(errorsOf(mergeValues(values, { web: { auth: { trustedProxies: ["ingress-nginx"] } } })).length).toBeGreaterThan(0);
    expect(errorsOf(mergeValues(values, { web: { auth: { ipHeaders: [] } } })).length).toBeGreaterThan(0);
    expect(errorsOf(mergeValues(values, { web: { auth: { ipHeaders: ["x real ip"] } } })).length).toBeGreaterThan(0);
  });

  it("NOTES.txt validates the values and the Secret fails without a BETTER_AUTH_SECRET", () => {
    expect(read(path.join(templatesDir, "NOTES.txt"))).toContain('include "taskboard.validateValues"');
    expect(read(path.join(templatesDir, "secret.yaml"))).toContain('include "taskboard.validateValues"');
    expect(helpers).toMatch(/fail "secrets\.betterAuthSecret is required/);
  });

  it("no Dapr Subscription resource anywhere (subscriptions are programmatic)", () => {
    for (const f of templateFiles) expect(read(f), rel(f)).not.toMatch(/kind:\s*Subscription/);
  });
});
