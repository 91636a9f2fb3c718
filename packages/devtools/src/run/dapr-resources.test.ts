import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { locate, skippedLine } from "../locate.ts";
import { chartDaprResources, renderDaprResources, swapSecretStoreForLocalFile } from "./dapr-resources.ts";
import type { Manifest } from "./helm-template.ts";

// Rendered resources of arbitrary shape, navigated by the assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "taskboard-dapr-resources-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Every leaf of a resource as "Kind/name path" → value; Dapr metadata lists keyed by entry name. */
function leaves(resources: Manifest[]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: unknown, at: string) => {
    if (Array.isArray(node) && node.every((e) => typeof e === "object" && e !== null && "name" in e)) {
      for (const { name, ...rest } of node as Json[]) walk(rest, `${at}[${name}]`);
    } else if (typeof node === "object" && node !== null) {
      for (const [k, v] of Object.entries(node)) walk(v, `${at}.${k}`);
    } else out.set(at, JSON.stringify(node));
  };
  for (const r of resources) walk(r, `${r.kind}/${r.metadata?.name}`);
  return out;
}

/** Paths whose value differs, or that exist on one side only. */
function differences(a: Manifest[], b: Manifest[]): string[] {
  const [la, lb] = [leaves(a), leaves(b)];
  return [...new Set([...la.keys(), ...lb.keys()])].filter((k) => la.get(k) !== lb.get(k)).sort();
}

function readDir(dir: string): Manifest[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => parse(fs.readFileSync(path.join(dir, f), "utf8")) as Manifest);
}

const store = { apiVersion: "dapr.io/v1alpha1", kind: "Component", metadata: { name: "store" }, spec: { type: "secretstores.kubernetes", version: "v1", metadata: [{ name: "defaultNamespace", value: "taskboard" }] } };
const redis = {
  apiVersion: "dapr.io/v1alpha1",
  kind: "Component",
  metadata: { name: "pubsub" },
  spec: { type: "pubsub.redis", version: "v1", metadata: [{ name: "redisHost", value: "r:6379" }, { name: "redisPassword", secretKeyRef: { name: "redis", key: "password" } }] },
};
const resiliency = { apiVersion: "dapr.io/v1alpha1", kind: "Resiliency", metadata: { name: "r" }, spec: {} };

describe("swapSecretStoreForLocalFile", () => {
  it("turns the Kubernetes store into a multi-valued local file store of the same name", () => {
    const [swapped] = swapSecretStoreForLocalFile([store], "/s.json", false) as Json[];
    expect(swapped).toEqual({ ...store, spec: { type: "secretstores.local.file", version: "v1", metadata: [{ name: "secretsFile", value: "/s.json" }, { name: "multiValued", value: "true" }] } });
  });

  it("points components with secretKeyRefs at that store, or drops the refs", () => {
    const [, withAuth] = swapSecretStoreForLocalFile([store, redis], "/s.json", false) as Json[];
    expect(withAuth).toEqual({ ...redis, auth: { secretStore: "store" } });
    const [, dropped] = swapSecretStoreForLocalFile([store, redis], "/s.json", true) as Json[];
    expect(dropped?.spec.metadata).toEqual([{ name: "redisHost", value: "r:6379" }]);
    expect(dropped?.auth).toBeUndefined();
  });

  it("leaves every other resource as it is", () => {
    expect(swapSecretStoreForLocalFile([resiliency], "/s.json", false)).toEqual([resiliency]);
  });
});

const helm = locate("helm");
describe("renderDaprResources (helm template of infra/helm/taskboard)", () => {
  if (!helm) console.log(skippedLine("helm"));

  /** Allowed differences: the address, and the secret store swap (type and metadata). */
  const swap = ["Component/taskboard-secretstore.spec.metadata[defaultNamespace].value", "Component/taskboard-secretstore.spec.metadata[multiValued].value", "Component/taskboard-secretstore.spec.metadata[secretsFile].value", "Component/taskboard-secretstore.spec.type"];

  it.skipIf(!helm)("kafka: the chart's resources with the brokers and the secret store changed, nothing else", async () => {
    const outDir = path.join(tmp, "kafka");
    expect(await renderDaprResources({ pubsub: "kafka", kafkaBrokers: "127.0.0.1:19092,127.0.0.1:19093", outDir })).toBe(outDir);
    const rendered = readDir(outDir);
    const pubsub = rendered.find((r) => r.kind === "Component" && (r as Json).spec.type === "pubsub.kafka") as Json;
    const meta = Object.fromEntries(pubsub.spec.metadata.map((m: Json) => [m.name, m.value]));
    expect(meta.brokers).toBe("127.0.0.1:19092,127.0.0.1:19093");
    expect(meta.authType).toBe("none");
    expect(meta.version).toMatch(/^[0-9]+\.[0-9]+\.[0-9]+$/);
    expect(rendered.map((r) => r.kind).sort()).toEqual(["Component", "Component", "Configuration", "Resiliency"]);
    expect(differences(await chartDaprResources({ pubsub: "kafka" }), rendered)).toEqual(["Component/taskboard-pubsub.spec.metadata[brokers].value", ...swap]);
    expect(JSON.parse(fs.readFileSync(path.join(outDir, "local-secrets", "secrets.json"), "utf8"))).toEqual({});
  });

  it.skipIf(!helm)("redis: redisHost set, the password ref dropped without a secrets file, kept through the local store with one", async () => {
    const outDir = path.join(tmp, "redis");
    await renderDaprResources({ pubsub: "redis", redisHost: "127.0.0.1:16379", outDir });
    const rendered = readDir(outDir);
    const chart = await chartDaprResources({ pubsub: "redis" });
    expect(differences(chart, rendered)).toEqual([
      "Component/taskboard-pubsub.spec.metadata[redisHost].value",
      "Component/taskboard-pubsub.spec.metadata[redisPassword].secretKeyRef.key",
      "Component/taskboard-pubsub.spec.metadata[redisPassword].secretKeyRef.name",
      ...swap,
    ]);
    const pubsub = rendered.find((r) => (r as Json).spec?.type === "pubsub.redis") as Json;
    expect(pubsub.spec.metadata.find((m: Json) => m.name === "redisHost").value).toBe("127.0.0.1:16379");

    const secretsFile = path.join(tmp, "secrets.json");
    fs.writeFileSync(secretsFile, JSON.stringify({ "taskboard-redis": { "redis-password": "pw" } }));
    const withSecrets = readDir(await renderDaprResources({ pubsub: "redis", redisHost: "127.0.0.1:16379", outDir, secretsFile }));
    expect(differences(chart, withSecrets)).toEqual(["Component/taskboard-pubsub.auth.secretStore", "Component/taskboard-pubsub.spec.metadata[redisHost].value", ...swap]);
    expect(fs.readdirSync(outDir).filter((f) => f.endsWith(".yaml"))).toHaveLength(4);
  });

  it.skipIf(!helm)("refuses a kafka render without brokers", async () => {
    await expect(renderDaprResources({ pubsub: "kafka", outDir: path.join(tmp, "none") })).rejects.toThrow(/kafkaBrokers is required/);
  });
});
