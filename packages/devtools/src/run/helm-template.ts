// `helm template` of the taskboard chart with the pinned Helm, and the Dapr resources in its
// output. Shared by renderDaprResources (a self-hosted daprd's resources) and infra's generator
// and checks of infra/dapr, so every copy of a Dapr resource comes from one render.
import { execFile } from "node:child_process";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { locate, skippedLine } from "../locate.ts";

/** infra/helm/taskboard, found from this file's place in the repository. */
export const CHART_DIR = path.resolve(import.meta.dirname, "..", "..", "..", "..", "infra", "helm", "taskboard");

/** The release and namespace of the committed renders (infra/dapr) and of local daprd runs. */
export const RELEASE = "taskboard";
export const NAMESPACE = "taskboard";

/**
 * The chart refuses to render without its app Secret (betterAuthSecret and the database
 * password, or an existing Secret). Naming an existing Secret called like the chart's own Secret
 * ("taskboard") satisfies that and changes no Dapr resource: the Configuration's allowedSecrets
 * names that Secret either way.
 */
export const RENDERABLE = { existingSecret: RELEASE };

/** The kinds a daprd loads from its resources path. */
export const DAPR_KINDS = ["Component", "Configuration", "Resiliency", "Subscription"] as const;

export type Manifest = { kind?: string; apiVersion?: string; metadata?: { name?: string }; [key: string]: unknown };

/** One `--set` value: commas and backslashes are Helm's separators and escapes, so escape them. */
function setArg(flag: "--set" | "--set-string", key: string, value: string): string[] {
  return [flag, `${key}=${value.replace(/[\\,]/g, (c) => `\\${c}`)}`];
}

export interface TemplateOptions {
  /** Values set with --set (Helm types them: true/false, integers), in order. */
  set?: Record<string, string>;
  /** Values set with --set-string (always strings, e.g. addresses), after `set`. */
  setString?: Record<string, string>;
  /** Values files (-f), relative to the chart or absolute. */
  valuesFiles?: string[];
  /** Only these templates (paths under templates/). */
  showOnly?: string[];
}

/** The raw output of `helm template`; throws with Helm's message when it refuses. */
export async function helmTemplate(options: TemplateOptions = {}): Promise<string> {
  const helm = locate("helm");
  if (!helm) throw new Error(skippedLine("helm").replace(/^skipped: /, ""));
  const args = [
    "template",
    RELEASE,
    CHART_DIR,
    "--namespace",
    NAMESPACE,
    ...(options.valuesFiles ?? []).flatMap((f) => ["-f", path.resolve(CHART_DIR, f)]),
    ...Object.entries(options.set ?? {}).flatMap(([k, v]) => setArg("--set", k, v)),
    ...Object.entries(options.setString ?? {}).flatMap(([k, v]) => setArg("--set-string", k, v)),
    ...(options.showOnly ?? []).flatMap((t) => ["--show-only", t]),
  ];
  return new Promise((resolve, reject) => {
    execFile(helm, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`helm ${args.join(" ")}: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

/** The documents of a multi-document YAML stream, empty ones left out. */
export function parseManifests(text: string): Manifest[] {
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join("; "));
      return doc.toJS() as Manifest | null;
    })
    .filter((doc): doc is Manifest => doc !== null && typeof doc === "object");
}

/** Dapr resources (dapr.io kinds a daprd loads) among rendered manifests. */
export function daprResourcesOf(manifests: Manifest[]): Manifest[] {
  return manifests.filter((m) => String(m.apiVersion).startsWith("dapr.io/") && (DAPR_KINDS as readonly string[]).includes(String(m.kind)));
}
