// infra/dapr: the chart's Dapr resources as `helm template` renders them (scripts/dapr-files.ts),
// one kind per file, for `kubectl apply -f infra/dapr` without Helm. Checked here against the
// chart (they must be its current output), against JSON schemas of each component type's
// metadata written from Dapr's documentation (checks/schemas; the CRDs that kubeconform reads
// leave metadata open), and against the project's rules: secrets only through secretKeyRef, the
// Kafka and Redis components share one name, retries before dead letters, no Subscription
// resources (the workers subscribe programmatically).
import fs from "node:fs";
import path from "node:path";
import type { ValidateFunction } from "ajv";
import { chartDaprResources, locate, skippedLine } from "@taskboard/devtools";
import { describe, expect, it } from "vitest";
import { DAPR_DIR, renderedDaprFiles } from "../scripts/dapr-files.ts";
import { CHART_DIR, INFRA_DIR, listFiles, loadYaml, loadYamlDocuments, newAjv, rel } from "./helpers.ts";

// Parsed manifests of arbitrary shape, navigated by the assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const files = listFiles(DAPR_DIR, /\.ya?ml$/);
const schemaDir = path.join(INFRA_DIR, "checks", "schemas");
const ajv = newAjv();
const schemaFor = new Map<string, ValidateFunction>();
for (const f of listFiles(schemaDir, /^dapr-.*\.schema\.json$/)) {
  const key = path.basename(f).replace(/^dapr-/, "").replace(/\.schema\.json$/, "");
  schemaFor.set(key, ajv.compile(JSON.parse(fs.readFileSync(f, "utf8"))));
}
const docs = files.map((f) => ({ file: f, doc: loadYaml<Json>(f) }));
const SECRET_NAME = /(password|secret|token|key|cert)$/i;

/** Which schema a resource is checked against: component-<spec.type>, resiliency, configuration. */
function schemaKey(doc: Json): string {
  if (doc.kind === "Component") return `component-${doc.spec?.type}`;
  return String(doc.kind).toLowerCase();
}

describe("infra/dapr", () => {
  it("declares the pub/sub (Kafka and Redis), resiliency, configuration and secret store", () => {
    const kinds = docs.map(({ doc }) => schemaKey(doc)).sort();
    expect(kinds).toEqual(["component-pubsub.kafka", "component-pubsub.redis", "component-secretstores.kubernetes", "configuration", "resiliency"]);
  });

  it.each(files.map((f) => [rel(f), f]))("%s holds one resource of one kind", (_n, file) => {
    expect(loadYamlDocuments(file)).toHaveLength(1);
  });

  it.each(docs.map(({ file, doc }) => [rel(file), doc]))("%s matches Dapr's documented fields", (_n, doc) => {
    const validate = schemaFor.get(schemaKey(doc));
    expect(validate, `no schema for ${schemaKey(doc)}`).toBeDefined();
    const ok = validate?.(doc);
    expect(ok ? [] : validate?.errors?.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)).toEqual([]);
  });

  it("secrets only through secretKeyRef, never literals", () => {
    for (const { file, doc } of docs) {
      for (const m of doc.spec?.metadata ?? []) {
        if (SECRET_NAME.test(m.name)) expect(m.secretKeyRef, `${rel(file)}: ${m.name} must be a secretKeyRef`).toBeDefined();
      }
    }
  });

  it("the Kafka and Redis components share one name (swap without code change)", () => {
    const pubsubs = docs.filter(({ doc }) => String(doc.spec?.type).startsWith("pubsub."));
    expect(new Set(pubsubs.map(({ doc }) => doc.metadata.name))).toEqual(new Set(["taskboard-pubsub"]));
  });

  it("Kafka: brokers at the Strimzi bootstrap service, consumer group = app id, protocol version set", () => {
    const kafka = docs.find(({ doc }) => doc.spec?.type === "pubsub.kafka")?.doc as Json;
    const meta = Object.fromEntries(kafka.spec.metadata.map((m: Json) => [m.name, m.value]));
    const cluster = loadYaml<Json>(path.join(INFRA_DIR, "strimzi", "kafka.yaml"));
    expect(meta.brokers).toBe(`${cluster.metadata.name}-kafka-bootstrap.${cluster.metadata.namespace}.svc:9092`);
    expect(meta.consumerGroup).toBe("{appID}");
    expect(meta.version, "docs/traps.md #14: set the protocol version for Kafka 4").toMatch(/^[0-9]+\.[0-9]+\.[0-9]+$/);
    expect(meta.version).not.toBe("2.0.0");
  });

  it("Redis: concurrency 1 for per-user order and processingTimeout raised above 15 s", () => {
    const redis = docs.find(({ doc }) => doc.spec?.type === "pubsub.redis")?.doc as Json;
    const meta = Object.fromEntries(redis.spec.metadata.map((m: Json) => [m.name, m.value]));
    expect(meta.concurrency).toBe("1");
    expect(Number.parseInt(String(meta.processingTimeout), 10)).toBeGreaterThan(15);
  });

  it("resiliency retries deliveries 3 times with exponential back-off before the dead-letter topic", () => {
    const res = docs.find(({ doc }) => doc.kind === "Resiliency")?.doc as Json;
    const inbound = res.spec.targets.components["taskboard-pubsub"].inbound;
    const retry = res.spec.policies.retries[inbound.retry];
    expect(retry).toMatchObject({ policy: "exponential", maxRetries: 3, maxInterval: "4s" });
    expect(res.spec.policies.timeouts[inbound.timeout]).toBeDefined();
    expect(res.spec.targets.components["taskboard-pubsub"].outbound.retry).toBeDefined();
    expect(res.spec.targets.apps["taskboard-workers"]).toBeDefined();
    for (const [name, policy] of Object.entries(res.spec.targets.components) as [string, Json][]) {
      for (const dir of Object.values(policy) as Json[]) {
        for (const [kind, ref] of Object.entries(dir)) {
          const pool = kind === "timeout" ? res.spec.policies.timeouts : kind === "retry" ? res.spec.policies.retries : res.spec.policies.circuitBreakers;
          expect(pool[ref as string], `${name}: ${kind} ${String(ref)}`).toBeDefined();
        }
      }
    }
  });

  it("no circuit breaker on the pub/sub component: daprd shares one between publishing and deliveries", () => {
    // daprd keys component breakers by component name: a broker outage opened it for deliveries
    // too, which then failed at once, spent their retries and went to the dead-letter topic.
    const res = docs.find(({ doc }) => doc.kind === "Resiliency")?.doc as Json;
    for (const [name, policy] of Object.entries(res.spec.targets.components) as [string, Json][]) {
      expect(policy.inbound?.circuitBreaker, `${name}: inbound circuitBreaker`).toBeUndefined();
      expect(policy.outbound?.circuitBreaker, `${name}: outbound circuitBreaker`).toBeUndefined();
    }
  });

  it("configuration traces (sampling on) and is the one the chart annotates", () => {
    const conf = docs.find(({ doc }) => doc.kind === "Configuration")?.doc as Json;
    expect(Number(conf.spec.tracing.samplingRate)).toBeGreaterThan(0);
    const values = loadYaml<Json>(path.join(CHART_DIR, "values.yaml"));
    expect(values.dapr.configName).toBe(conf.metadata.name);
    expect(values.dapr.pubsub.name).toBe("taskboard-pubsub");
  });

  it("no Subscription resources: subscriptions are programmatic, declared once", () => {
    for (const f of files) expect(fs.readFileSync(f, "utf8"), rel(f)).not.toMatch(/kind:\s*Subscription/);
  });
});

describe("infra/dapr is the chart's output", () => {
  const helm = locate("helm");
  if (!helm) console.log(skippedLine("helm"));

  it.skipIf(!helm)("every file is what `npm run infra:dapr -w @taskboard/infra` writes, and no other", async () => {
    const rendered = await renderedDaprFiles();
    const onDisk = new Map(files.map((f) => [path.relative(DAPR_DIR, f), fs.readFileSync(f, "utf8")]));
    expect([...onDisk.keys()].sort()).toEqual([...rendered.keys()].sort());
    for (const [file, text] of rendered) expect(onDisk.get(file), `infra/dapr/${file} differs from the chart: npm run infra:dapr -w @taskboard/infra`).toBe(text);
  });

  it.skipIf(!helm)("the Redis variant differs only in the pub/sub component, so redis/ holds just that", async () => {
    const notPubsub = (docs: Json[]) => docs.filter((d) => !String(d.spec?.type).startsWith("pubsub."));
    expect(notPubsub(await chartDaprResources({ pubsub: "redis" }))).toEqual(notPubsub(await chartDaprResources({ pubsub: "kafka" })));
  });
});
