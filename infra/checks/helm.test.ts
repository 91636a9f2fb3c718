// The chart checked by the real tools: `helm lint --strict` and `helm template` (pinned Helm 4)
// for every values file, the output validated by `kubeconform -strict` against the offline
// schemas of `npm run tools` (Kubernetes, Dapr and Strimzi CRDs; no download, no skipped kinds),
// and our conventions asserted on what Helm renders. Values merging and values.schema.json
// validation are Helm's own here. Where a tool is missing each test says `skipped: <tool> ...`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { helmTemplate, kubeconformSchemaArgs, locate, missingTools, parseManifests, type Manifest } from "@taskboard/devtools";
import { describe, expect, it } from "vitest";
import { CHART_DIR, INFRA_DIR, REPO_DIR, listFiles, loadYaml, rel } from "./helpers.ts";

// Rendered manifests of arbitrary shape, navigated by the assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const helm = locate("helm");
const kubeconform = locate("kubeconform");
const schemas = locate("k8s-schemas");
const kubeconformMissing = missingTools(["helm", "kubeconform", "k8s-schemas"]);
// The tests that need a missing tool are skipped; these lines say why (never a silent pass).
for (const line of kubeconformMissing) console.log(line);

/** Every values file at the chart's root: values.yaml and the variants beside it. */
const valuesFiles = listFiles(CHART_DIR, /^values.*\.ya?ml$/).filter((f) => path.dirname(f) === CHART_DIR);
/** The chart refuses to render without its secrets unless a values file names an existing Secret. */
const devSecrets = { "secrets.betterAuthSecret": "0123456789abcdef0123456789abcdef", "postgresql.auth.password": "dev" };
const setsFor = (file: string) => (loadYaml<Json>(file).existingSecret ? {} : devSecrets);

/** A render: values files plus --set values. */
interface Variant {
  name: string;
  valuesFiles: string[];
  set: Record<string, string>;
}
const variants: Variant[] = [
  ...valuesFiles.map((f) => ({ name: path.basename(f), valuesFiles: path.basename(f) === "values.yaml" ? [] : [f], set: setsFor(f) })),
  { name: "values.yaml, Redis Streams", valuesFiles: [], set: { ...devSecrets, "dapr.pubsub.kind": "redis" } },
  { name: "values.yaml, embedded bus without Dapr", valuesFiles: [], set: { ...devSecrets, eventBus: "embedded", "dapr.enabled": "false" } },
];

const render = async (variant: Variant): Promise<string> => helmTemplate({ valuesFiles: variant.valuesFiles, set: variant.set });
const defaults = async (set: Record<string, string> = {}): Promise<Manifest[]> => parseManifests(await helmTemplate({ set: { ...devSecrets, ...set } }));
const find = (docs: Manifest[], kind: string, name: string) => docs.find((d) => d.kind === kind && d.metadata?.name === name) as Json;

describe("helm lint", () => {
  it.skipIf(!helm).each(valuesFiles.map((f) => [rel(f), f]))("helm lint --strict -f %s", (_n, file) => {
    const sets = Object.entries(setsFor(file)).flatMap(([k, v]) => ["--set", `${k}=${v}`]);
    const result = spawnSync(helm as string, ["lint", CHART_DIR, "--strict", "-f", file, ...sets], { encoding: "utf8" });
    expect(result.stdout + result.stderr).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
    expect(result.status).toBe(0);
  });
});

describe("helm template | kubeconform -strict", () => {

  /** kubeconform over a stream of manifests; every resource must have a schema and be valid. */
  const conform = (input: string, files: string[] = []) => {
    const result = spawnSync(kubeconform as string, [...kubeconformSchemaArgs(schemas as string), "-summary", ...files], { input, encoding: "utf8" });
    return { output: `${result.stdout}${result.stderr}`.trim(), status: result.status };
  };

  it.skipIf(kubeconformMissing.length > 0).each(variants.map((v) => [v.name, v]))("%s renders valid manifests", async (_n, variant) => {
    const rendered = await render(variant);
    const count = parseManifests(rendered).length;
    const { output, status } = conform(rendered);
    expect(output).toContain(`Summary: ${count} resources found parsing stdin - Valid: ${count}, Invalid: 0, Errors: 0, Skipped: 0`);
    expect(status).toBe(0);
  });

  it.skipIf(kubeconformMissing.length > 0)("the plain manifests under infra/ (Dapr, Strimzi, Redis) are valid", () => {
    const files = ["dapr", "strimzi", "redis"].flatMap((d) => listFiles(path.join(INFRA_DIR, d), /\.ya?ml$/));
    const { output, status } = conform("", files);
    expect(output).toMatch(/Invalid: 0, Errors: 0, Skipped: 0$/);
    expect(status).toBe(0);
  });

  it.skipIf(kubeconformMissing.length > 0)("fails a field Kubernetes does not know, and a kind it has no schema for", () => {
    const deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {selector: {}, template: {}, replica: 2}\n";
    expect(conform(deployment).output).toMatch(/additional properties 'replica' not allowed/);
    const unknown = "apiVersion: example.io/v1\nkind: Gadget\nmetadata: {name: x}\n";
    expect(conform(unknown)).toMatchObject({ output: expect.stringMatching(/could not find schema for Gadget/), status: 1 });
  });
});

describe("values.schema.json, applied by Helm", () => {
  const refused = async (set: Record<string, string>) => defaults(set).then(() => "rendered", (e: Error) => e.message);

  it.skipIf(!helm)("rejects unknown keys, a bad broker kind, a short auth secret and an unknown Jobs API prefix", async () => {
    expect(await refused({ "web.replicas": "2" })).toMatch(/values don't meet the specifications of the schema[\s\S]*replicas/);
    expect(await refused({ "dapr.pubsub.kind": "rabbitmq" })).toMatch(/schema[\s\S]*kind/);
    expect(await refused({ "secrets.betterAuthSecret": "short" })).toMatch(/schema[\s\S]*betterAuthSecret/);
    expect(await refused({ "dapr.jobsApiPrefix": "v2" })).toMatch(/schema[\s\S]*jobsApiPrefix/);
  });

  it.skipIf(!helm)("the auth proxy settings validate like the app does: IP/CIDR entries, header names", async () => {
    expect(await refused({ "web.auth.trustedProxies[0]": "10.244.0.0/16", "web.auth.trustedProxies[1]": "2001:db8::/32" })).toBe("rendered");
    expect(await refused({ "web.auth.trustedProxies[0]": "ingress-nginx" })).toMatch(/schema[\s\S]*trustedProxies/);
    expect(await refused({ "web.auth.ipHeaders[0]": "x real ip" })).toMatch(/schema[\s\S]*ipHeaders/);
  });

  it.skipIf(!helm)("the administrators are email addresses, as the app requires", async () => {
    expect(await refused({ "web.adminEmails[0]": "root@example.test" })).toBe("rendered");
    expect(await refused({ "web.adminEmails[0]": "root" })).toMatch(/schema[\s\S]*adminEmails/);
  });

  it.skipIf(!helm)("refuses to render without the session secret, or with clashing ports", async () => {
    await expect(helmTemplate({ set: { "postgresql.auth.password": "dev" } })).rejects.toThrow(/betterAuthSecret is required/);
    expect(await refused({ "web.metrics.port": "3000" })).toMatch(/web\.metrics\.port must differ from web\.port/);
  });
});

describe("conventions, on the rendered chart", () => {
  const values = loadYaml<Json>(path.join(CHART_DIR, "values.yaml"));

  it.skipIf(!helm).each([["web"], ["workers"]])("%s Deployment: probes, resources, hardened security context, /tmp, labels, checksums, Dapr annotations", async (component) => {
    const deployment = find(await defaults(), "Deployment", `taskboard-${component}`);
    const pod = deployment.spec.template;
    const container = pod.spec.containers.find((c: Json) => c.name === component);
    for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) expect(container[probe]?.httpGet?.path, probe).toBeTruthy();
    expect(container.resources.requests).toBeDefined();
    expect(container.resources.limits.memory).toBeDefined();
    expect(container.securityContext).toEqual(values.containerSecurityContext);
    expect(pod.spec.securityContext).toEqual(values.podSecurityContext);
    expect(container.volumeMounts.map((m: Json) => m.mountPath)).toContain("/tmp");
    expect(pod.metadata.labels).toMatchObject({ "app.kubernetes.io/name": "taskboard", "app.kubernetes.io/instance": "taskboard", "app.kubernetes.io/component": component });
    expect(pod.metadata.annotations["checksum/config"]).toMatch(/^[0-9a-f]{64}$/);
    expect(pod.metadata.annotations["checksum/secret"]).toMatch(/^[0-9a-f]{64}$/);
    expect(pod.metadata.annotations).toMatchObject({ "dapr.io/enabled": "true", "dapr.io/app-id": `taskboard-${component}`, "dapr.io/config": values.dapr.configName });
    expect(pod.metadata.annotations["dapr.io/sidecar-memory-limit"]).toBe(values.dapr.sidecar.memoryLimit);
  });

  it.skipIf(!helm)("probes point at the apps' endpoints; the workers' sidecar calls the callback port", async () => {
    const docs = await defaults();
    const probes = (name: string) => find(docs, "Deployment", name).spec.template.spec.containers[0];
    expect(probes("taskboard-web").livenessProbe.httpGet.path).toBe("/api/health");
    expect(probes("taskboard-web").readinessProbe.httpGet.path).toBe("/api/ready");
    expect(probes("taskboard-workers").livenessProbe.httpGet.path).toBe("/healthz");
    expect(probes("taskboard-workers").readinessProbe.httpGet.path).toBe("/readyz");
    for (const route of ["health", "ready"]) expect(fs.existsSync(path.join(REPO_DIR, "apps/web/src/app/api", route, "route.ts")), route).toBe(true);
    expect(fs.readFileSync(path.join(REPO_DIR, "apps/workers/src/health.ts"), "utf8")).toMatch(/"\/healthz"[\s\S]*"\/readyz"/);
    const workers = find(docs, "Deployment", "taskboard-workers").spec.template.metadata.annotations;
    expect(workers["dapr.io/app-port"]).toBe(String(values.workers.daprAppPort));
    expect(find(docs, "Deployment", "taskboard-web").spec.template.metadata.annotations["dapr.io/app-port"]).toBeUndefined();
  });

  it.skipIf(!helm)("a configuration change rolls the pods (checksum/config), and without Dapr no sidecar is injected", async () => {
    const checksum = (docs: Manifest[]) => find(docs, "Deployment", "taskboard-web").spec.template.metadata.annotations["checksum/config"];
    expect(checksum(await defaults({ logLevel: "debug" }))).not.toBe(checksum(await defaults()));
    const embedded = await defaults({ eventBus: "embedded", "dapr.enabled": "false" });
    for (const name of ["taskboard-web", "taskboard-workers"]) expect(find(embedded, "Deployment", name).spec.template.metadata.annotations["dapr.io/enabled"]).toBe("false");
    expect(embedded.filter((d) => String(d.apiVersion).startsWith("dapr.io/"))).toEqual([]);
  });

  it.skipIf(!helm)("workers default to 2 replicas; the migration job is a pre-install/pre-upgrade hook running the db package's migrate script", async () => {
    const docs = await defaults();
    expect(find(docs, "Deployment", "taskboard-workers").spec.replicas).toBe(2);
    const job = find(docs, "Job", "taskboard-migrate");
    expect(job.metadata.annotations["helm.sh/hook"]).toBe("pre-install,pre-upgrade");
    expect(job.spec.template.spec.containers[0].command).toEqual(["npm", "run", "migrate", "-w", "@taskboard/db"]);
  });

  it.skipIf(!helm)("the Ingress routes /socket.io to the workers' socket port and / to web", async () => {
    const docs = await defaults();
    const paths = find(docs, "Ingress", "taskboard").spec.rules[0].http.paths.map((p: Json) => [p.path, p.backend.service.name, p.backend.service.port.name]);
    expect(paths).toEqual([
      ["/socket.io", "taskboard-workers", "socket"],
      ["/", "taskboard-web", "http"],
    ]);
    const socketPort = find(docs, "Service", "taskboard-workers").spec.ports.find((p: Json) => p.name === "socket");
    expect(socketPort.port).toBe(values.workers.socketPort);
  });

  it.skipIf(!helm)("web /metrics is a container port with scrape annotations, never a Service port the Ingress could route to", async () => {
    const docs = await defaults();
    const pod = find(docs, "Deployment", "taskboard-web").spec.template;
    expect(pod.spec.containers[0].ports).toContainEqual({ name: "metrics", containerPort: values.web.metrics.port, protocol: "TCP" });
    expect(pod.metadata.annotations["prometheus.io/port"]).toBe(String(values.web.metrics.port));
    expect(find(docs, "Service", "taskboard-web").spec.ports.map((p: Json) => p.name)).toEqual(["http"]);
    expect(find(docs, "ConfigMap", "taskboard-web").data.WEB_METRICS_PORT).toBe(String(values.web.metrics.port));
    const off = await defaults({ "web.metrics.enabled": "false" });
    expect(find(off, "ConfigMap", "taskboard-web").data.WEB_METRICS_PORT).toBe("0");
  });

  it.skipIf(!helm)("numbers render as integers, never in Helm's float notation (1048576 as 1.048576e+06)", async () => {
    const docs = await defaults({ "workers.daprTransport.maxEventBytes": "4194304" });
    expect(find(docs, "ConfigMap", "taskboard-workers").data.DAPR_MAX_EVENT_BYTES).toBe("4194304");
    const kafka = find(docs, "Component", "taskboard-pubsub").spec.metadata.find((m: Json) => m.name === "maxMessageBytes");
    expect(kafka.value).toBe(String(values.dapr.pubsub.kafka.maxMessageBytes));
    for (const variant of variants) expect((await render(variant)).match(/\b\d(\.\d+)?e\+\d+\b/g), variant.name).toBeNull();
  });

  it.skipIf(!helm)("no Dapr Subscription in any render (subscriptions are programmatic)", async () => {
    for (const variant of variants) expect(parseManifests(await render(variant)).filter((d) => d.kind === "Subscription"), variant.name).toEqual([]);
  });
});
