// Shared helpers for the infrastructure checks: repository paths, YAML loading, tool detection.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AjvImport from "ajv";
import { parseAllDocuments } from "yaml";

export const INFRA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_DIR = path.resolve(INFRA_DIR, "..");
export const CHART_DIR = path.join(INFRA_DIR, "helm", "taskboard");

/** Every file under `dir` (recursively) whose name matches `pattern`. */
export function listFiles(dir: string, pattern: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "node_modules") continue;
      out.push(...listFiles(full, pattern));
    } else if (pattern.test(entry.name)) {
      out.push(full);
    }
  }
  return out.sort();
}

export function rel(file: string): string {
  return path.relative(REPO_DIR, file);
}

/** All documents of a plain (non-template) YAML file; throws with the file name on a parse error. */
export function loadYamlDocuments(file: string): unknown[] {
  const docs = parseAllDocuments(fs.readFileSync(file, "utf8"), { prettyErrors: true });
  const out: unknown[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      throw new Error(`${rel(file)}: ${doc.errors.map((e) => e.message).join("; ")}`);
    }
    const value = doc.toJS();
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

export function loadYaml<T = unknown>(file: string): T {
  const docs = loadYamlDocuments(file);
  if (docs.length !== 1) throw new Error(`${rel(file)}: expected one YAML document, found ${docs.length}`);
  return docs[0] as T;
}

/** Whether an executable is on PATH. */
export function hasTool(name: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Whether a Docker engine answers (the client alone is not enough). */
export function hasDockerEngine(): boolean {
  if (!hasTool("docker")) return false;
  try {
    execFileSync("docker", ["info"], { stdio: "ignore", timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/** An Ajv (draft-07) instance; the CommonJS default export is unwrapped whichever interop loads it. */
export function newAjv() {
  const Ajv = (AjvImport as unknown as { default?: typeof AjvImport }).default ?? AjvImport;
  return new Ajv({ allErrors: true, strict: false });
}
