// Static checks of the chart that Helm does not make: values.schema.json is closed and types
// every value, every value has its `## @param` line, and templates refer only to values and
// helpers that exist (Helm renders a missing value as empty, and a missing helper fails only in
// the branch that includes it). Rendering, schema validation and the workload conventions are
// checked on Helm's real output in helm.test.ts.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHART_DIR, listFiles, loadYaml, rel } from "./helpers.ts";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

const valuesFile = path.join(CHART_DIR, "values.yaml");
const values = loadYaml<Json>(valuesFile);
const valuesText = fs.readFileSync(valuesFile, "utf8");
const schema = JSON.parse(fs.readFileSync(path.join(CHART_DIR, "values.schema.json"), "utf8")) as Json;
const templatesDir = path.join(CHART_DIR, "templates");
const templateFiles = listFiles(templatesDir, /\.(ya?ml|tpl|txt)$/);
const read = (f: string) => fs.readFileSync(f, "utf8");

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

  it.each(templateFiles.map((f) => [rel(f), f]))("%s: the helpers and values it refers to exist", (_n, file) => {
    const text = read(file);
    for (const m of text.matchAll(/include\s+"([^"]+)"/g)) expect(defined, `include "${m[1]}"`).toContain(m[1]);
    for (const m of text.matchAll(/\.Values\.([A-Za-z0-9_.]+)/g)) {
      let node: unknown = values;
      for (const key of (m[1] as string).split(".")) {
        expect(isObject(node) && key in node, `${rel(file)}: .Values.${m[1]} is not in values.yaml`).toBe(true);
        node = (node as Json)[key];
      }
    }
  });

  it("NOTES.txt and the Secret run the value checks the schema cannot express", () => {
    expect(read(path.join(templatesDir, "NOTES.txt"))).toContain('include "taskboard.validateValues"');
    expect(read(path.join(templatesDir, "secret.yaml"))).toContain('include "taskboard.validateValues"');
  });
});
