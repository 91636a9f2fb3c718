// Where each pinned tool is on this machine, without installing anything: the cache of
// `npm run tools` first, then what a developer may already have (a `daprd` from `dapr init
// --slim` in ~/.dapr/bin, or anything on PATH).
import fs from "node:fs";
import path from "node:path";
import { toolsEnv } from "./env.ts";
import { VERSIONS } from "./versions.ts";

export type ToolName = "daprd" | "scheduler" | "kafka" | "java" | "redis-server" | "helm" | "kubeconform" | "k8s-schemas";

export const toolDirs = {
  dapr: () => path.join(toolsEnv.cacheDir, `dapr-${VERSIONS.dapr}`),
  kafka: () => path.join(toolsEnv.cacheDir, `kafka-${VERSIONS.kafka}`),
  helm: () => path.join(toolsEnv.cacheDir, `helm-${VERSIONS.helm}`),
  kubeconform: () => path.join(toolsEnv.cacheDir, `kubeconform-${VERSIONS.kubeconform}`),
  k8sSchemas: () => path.join(toolsEnv.cacheDir, "k8s-schemas"),
};

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first executable called `name` on PATH. */
export function onPath(name: string): string | undefined {
  for (const dir of toolsEnv.path.split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

function firstExecutable(candidates: (string | undefined)[]): string | undefined {
  return candidates.find((file): file is string => file !== undefined && isExecutable(file));
}

/** What READY of the schema cache holds: the versions its schemas were generated from. */
export function k8sSchemasStamp(): string {
  return `kubernetes ${VERSIONS.kubernetes}, dapr ${VERSIONS.dapr}, strimzi ${VERSIONS.strimzi}\n`;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

const daprCliBin = () => path.join(toolsEnv.home, ".dapr", "bin");

/**
 * The path of a tool, or undefined when it is not installed. For `kafka` it is the folder of
 * the broker's jars (run with `java`); for `k8s-schemas` the folder kubeconform reads.
 */
export function locate(name: ToolName): string | undefined {
  switch (name) {
    case "daprd":
    case "scheduler":
      return firstExecutable([path.join(toolDirs.dapr(), name), path.join(daprCliBin(), name), onPath(name)]);
    case "kafka": {
      const libs = path.join(toolDirs.kafka(), "libs");
      return fs.existsSync(path.join(libs, `kafka_2.13-${VERSIONS.kafka}.jar`)) ? libs : undefined;
    }
    case "java":
    case "redis-server":
      return onPath(name);
    case "helm":
      return firstExecutable([path.join(toolDirs.helm(), "helm"), onPath("helm")]);
    case "kubeconform":
      return firstExecutable([path.join(toolDirs.kubeconform(), "kubeconform"), onPath("kubeconform")]);
    case "k8s-schemas":
      return readText(path.join(toolDirs.k8sSchemas(), "READY")) === k8sSchemasStamp() ? toolDirs.k8sSchemas() : undefined;
  }
}

/** The line a test prints when it cannot run here; never a silent pass. */
export function skippedLine(name: ToolName): string {
  return `skipped: ${name} not installed (npm run tools)`;
}

/** The tools that are missing among `names`, each with its skip line. */
export function missingTools(names: readonly ToolName[]): string[] {
  return names.filter((name) => !locate(name)).map(skippedLine);
}
