// The resources path of a self-hosted daprd, rendered from the Helm chart so local runs load the
// same pub/sub, resiliency and configuration as Kubernetes. Only two things may differ from the
// chart's own output: the broker addresses (set as chart values) and the secret store, which
// swapSecretStoreForLocalFile turns from Kubernetes Secrets into a local JSON file because a
// self-hosted daprd has no Kubernetes API to read them from.
import fs from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { RENDERABLE, daprResourcesOf, helmTemplate, parseManifests, type Manifest } from "./helm-template.ts";

export interface DaprResourcesOptions {
  pubsub: "kafka" | "redis";
  /** Comma-separated Kafka bootstrap servers (kafka), e.g. 127.0.0.1:9092. */
  kafkaBrokers?: string;
  /** Redis host:port (redis). */
  redisHost?: string;
  /** Folder to write the resources into (created; its YAML files are replaced). */
  outDir: string;
  /**
   * A JSON file of secrets, `{ "<secret name>": { "<key>": "<value>" } }`, for the components'
   * secretKeyRefs and the apps' secret API. Without it the store reads an empty file written
   * into outDir/local-secrets and the secretKeyRefs are dropped (a local broker without
   * credentials).
   */
  secretsFile?: string;
}

/** The chart values a local run overrides: the broker kind and its address, nothing else. */
export function addressValues(options: Pick<DaprResourcesOptions, "pubsub" | "kafkaBrokers" | "redisHost">): Record<string, string> {
  const values: Record<string, string> = { "dapr.pubsub.kind": options.pubsub };
  if (options.pubsub === "kafka" && options.kafkaBrokers) values["dapr.pubsub.kafka.brokers"] = options.kafkaBrokers;
  if (options.pubsub === "redis" && options.redisHost) values["dapr.pubsub.redis.host"] = options.redisHost;
  return values;
}

/** The chart's Dapr resources with only the addresses overridden, exactly as Helm renders them. */
export async function chartDaprResources(options: Pick<DaprResourcesOptions, "pubsub" | "kafkaBrokers" | "redisHost">): Promise<Manifest[]> {
  return daprResourcesOf(parseManifests(await helmTemplate({ set: RENDERABLE, setString: addressValues(options) })));
}

type Metadata = { name: string; value?: unknown; secretKeyRef?: { name: string; key?: string } };
type Component = Manifest & { spec: { type: string; version?: string; metadata?: Metadata[] }; auth?: { secretStore: string } };

const isComponent = (m: Manifest): m is Component => m.kind === "Component";

/**
 * The one change besides addresses: the chart's `secretstores.kubernetes` component becomes a
 * `secretstores.local.file` of the same name reading `secretsFile` (multi-valued, so a
 * secretKeyRef's name and key address `{ name: { key: value } }` as in a Kubernetes Secret), and
 * components with secretKeyRefs name that store in `auth.secretStore` (self-hosted daprd would
 * otherwise look for a store called "kubernetes"). With `dropSecretKeyRefs`, the refs go instead.
 */
export function swapSecretStoreForLocalFile(resources: Manifest[], secretsFile: string, dropSecretKeyRefs: boolean): Manifest[] {
  const store = resources.filter(isComponent).find((c) => c.spec.type === "secretstores.kubernetes");
  return resources.map((resource) => {
    if (!isComponent(resource)) return resource;
    if (resource === store) {
      return {
        ...resource,
        spec: {
          ...resource.spec,
          type: "secretstores.local.file",
          metadata: [
            { name: "secretsFile", value: secretsFile },
            { name: "multiValued", value: "true" },
          ],
        },
      };
    }
    const metadata = resource.spec.metadata ?? [];
    if (!metadata.some((m) => m.secretKeyRef)) return resource;
    if (dropSecretKeyRefs) return { ...resource, spec: { ...resource.spec, metadata: metadata.filter((m) => !m.secretKeyRef) } };
    if (!store?.metadata?.name) throw new Error(`${resource.metadata?.name}: secretKeyRefs but the chart renders no secret store`);
    return { ...resource, auth: { secretStore: store.metadata.name } };
  });
}

function fileName(resource: Manifest): string {
  return `${String(resource.kind).toLowerCase()}-${resource.metadata?.name ?? "unnamed"}.yaml`;
}

/**
 * Renders the chart's Dapr resources for a self-hosted daprd into `outDir` (its
 * `--resources-path`) and returns `outDir`. Needs the pinned Helm (`npm run tools`).
 */
export async function renderDaprResources(options: DaprResourcesOptions): Promise<string> {
  if (options.pubsub === "kafka" && !options.kafkaBrokers) throw new Error("renderDaprResources: kafkaBrokers is required with pubsub kafka");
  if (options.pubsub === "redis" && !options.redisHost) throw new Error("renderDaprResources: redisHost is required with pubsub redis");
  const outDir = path.resolve(options.outDir);
  fs.mkdirSync(outDir, { recursive: true });
  for (const old of fs.readdirSync(outDir).filter((f) => f.endsWith(".yaml"))) fs.rmSync(path.join(outDir, old));

  let secretsFile = options.secretsFile ? path.resolve(options.secretsFile) : undefined;
  if (!secretsFile) {
    // In a subfolder: daprd reads only the top level of its resources path, and warns about
    // every file there that is not YAML.
    secretsFile = path.join(outDir, "local-secrets", "secrets.json");
    fs.mkdirSync(path.dirname(secretsFile), { recursive: true });
    fs.writeFileSync(secretsFile, "{}\n");
  }
  const resources = swapSecretStoreForLocalFile(await chartDaprResources(options), secretsFile, !options.secretsFile);
  for (const resource of resources) {
    fs.writeFileSync(path.join(outDir, fileName(resource)), `# Rendered from infra/helm/taskboard by renderDaprResources; do not edit.\n${stringify(resource)}`);
  }
  return outDir;
}
