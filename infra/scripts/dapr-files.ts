// infra/dapr is generated: the chart's Dapr resources as `helm template` renders them with the
// default values (Kafka), one kind per file, plus redis/ with the Redis Streams variant of the
// pub/sub component. `kubectl apply -f infra/dapr` then needs no Helm; the chart stays the one
// source. `npm run infra:dapr -w @taskboard/infra` rewrites the files; checks/dapr.test.ts fails
// when they differ from this render.
import path from "node:path";
import { RENDERABLE, daprResourcesOf, helmTemplate, parseManifests, type Manifest } from "@taskboard/devtools";

export const DAPR_DIR = path.resolve(import.meta.dirname, "..", "dapr");

const HEADER = `# Generated from infra/helm/taskboard by \`npm run infra:dapr -w @taskboard/infra\` (helm template,
# default values): do not edit. Change the chart and regenerate; a check fails when they differ.
`;

/** Where a rendered Dapr resource goes, relative to infra/dapr. */
export function fileFor(resource: Manifest, variant = ""): string {
  const type = String((resource.spec as { type?: string } | undefined)?.type ?? "");
  const name = String(resource.metadata?.name);
  const base =
    resource.kind === "Component"
      ? type.startsWith("pubsub.")
        ? `pubsub-${type.slice("pubsub.".length)}`
        : type.startsWith("secretstores.")
          ? "secretstore"
          : `component-${name}`
      : resource.kind === "Subscription"
        ? `subscription-${name}`
        : String(resource.kind).toLowerCase();
  return path.join(variant, `${base}.yaml`);
}

/** Each Dapr document of a `helm template` output, as Helm printed it (with its `# Source:`). */
function daprDocuments(rendered: string): { text: string; resource: Manifest }[] {
  return rendered
    .split(/^---\s*$/m)
    .map((text) => ({ text: `${text.trim()}\n`, resource: daprResourcesOf(parseManifests(text))[0] }))
    .filter((d): d is { text: string; resource: Manifest } => d.resource !== undefined);
}

/** infra/dapr's files (relative path → content) as the chart renders them now. */
export async function renderedDaprFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const add = (file: string, text: string) => {
    if (files.has(file)) throw new Error(`two rendered Dapr resources map to infra/dapr/${file}`);
    files.set(file, HEADER + text);
  };
  for (const { text, resource } of daprDocuments(await helmTemplate({ set: RENDERABLE }))) add(fileFor(resource), text);
  // The Redis variant differs only in the pub/sub component (a test in dapr.test.ts holds that).
  const redis = daprDocuments(await helmTemplate({ set: { ...RENDERABLE, "dapr.pubsub.kind": "redis" } }));
  for (const { text, resource } of redis.filter((d) => fileFor(d.resource).startsWith("pubsub-"))) add(fileFor(resource, "redis"), text);
  return files;
}
