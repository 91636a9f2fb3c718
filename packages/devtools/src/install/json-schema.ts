// Turns Kubernetes' OpenAPI (swagger 2) definitions and CRDs' openAPIV3Schema into the
// standalone, strict JSON schemas kubeconform reads (JSON Schema draft 4, its default):
// - standalone: every $ref is inlined (a definition that refers back to itself, like the CRD
//   type JSONSchemaProps, is cut to `{}` at the second visit);
// - strict: an object schema that lists properties and says nothing about others gets
//   `additionalProperties: false`, unless it preserves unknown fields;
// - the API server's leniencies are kept: int-or-string fields take both, a Quantity takes a
//   number, and an optional built-in field may be null (the server treats null as unset). A CRD
//   field takes null only where its schema says `nullable: true`.
// Descriptions are dropped: kubeconform's messages never show them and they triple the size.

export type Schema = { [key: string]: unknown };
const isSchema = (v: unknown): v is Schema => typeof v === "object" && v !== null && !Array.isArray(v);

const INT_OR_STRING = [{ type: "string" }, { type: "integer" }];
const QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";

function closeObject(out: Schema): void {
  if (isSchema(out.properties) && !("additionalProperties" in out) && out["x-kubernetes-preserve-unknown-fields"] !== true) {
    out.additionalProperties = false;
  }
}

function withNull(schema: Schema): Schema {
  if (typeof schema.type === "string") return { ...schema, type: [schema.type, "null"] };
  if (Array.isArray(schema.type)) return schema.type.includes("null") ? schema : { ...schema, type: [...schema.type, "null"] };
  if (Array.isArray(schema.oneOf)) return { ...schema, oneOf: [...schema.oneOf, { type: "null" }] };
  return schema;
}

interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** One standalone strict schema per group/version/kind of a swagger 2 document's definitions. */
export function kubernetesSchemas(spec: { definitions?: Record<string, Schema> }): { gvk: GroupVersionKind; schema: Schema }[] {
  const definitions = spec.definitions ?? {};
  const expanded = new Map<string, Schema>();

  const expand = (node: unknown, visiting: Set<string>): unknown => {
    if (Array.isArray(node)) return node.map((item) => expand(item, visiting));
    if (!isSchema(node)) return node;
    if (typeof node.$ref === "string") return resolve(node.$ref.replace(/^#\/definitions\//, ""), visiting);
    const out: Schema = {};
    const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
    for (const [key, value] of Object.entries(node)) {
      if (key === "description") continue;
      if (key === "properties" && isSchema(value)) {
        out.properties = Object.fromEntries(
          Object.entries(value).map(([name, prop]) => {
            const schema = expand(prop, visiting) as Schema;
            return [name, required.has(name) ? schema : withNull(schema)];
          }),
        );
      } else out[key] = expand(value, visiting);
    }
    if (out.format === "int-or-string") {
      delete out.type;
      delete out.format;
      out.oneOf = INT_OR_STRING;
    }
    closeObject(out);
    return out;
  };

  const resolve = (name: string, visiting: Set<string>): Schema => {
    if (visiting.has(name)) return {};
    const done = expanded.get(name);
    if (done) return done;
    const definition = definitions[name];
    if (!definition) throw new Error(`unresolved $ref #/definitions/${name}`);
    let schema = expand(definition, new Set([...visiting, name])) as Schema;
    if (name === QUANTITY) schema = { oneOf: [{ type: "string" }, { type: "number" }] };
    expanded.set(name, schema);
    return schema;
  };

  const out: { gvk: GroupVersionKind; schema: Schema }[] = [];
  for (const [name, definition] of Object.entries(definitions)) {
    const gvks = definition["x-kubernetes-group-version-kind"];
    if (!Array.isArray(gvks)) continue;
    // Shared meta types (DeleteOptions, WatchEvent) list every group; a kind's own definition lists one.
    if (gvks.length !== 1) continue;
    out.push({ gvk: gvks[0] as GroupVersionKind, schema: resolve(name, new Set()) });
  }
  return out;
}

/** A CRD version's openAPIV3Schema as a strict JSON schema. */
export function crdVersionSchema(openAPIV3Schema: Schema): Schema {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isSchema(node)) return node;
    const out: Schema = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === "description") continue;
      if (key === "properties" && isSchema(value)) {
        out.properties = Object.fromEntries(Object.entries(value).map(([name, prop]) => [name, walk(prop)]));
      } else if (key === "nullable") continue;
      else out[key] = walk(value);
    }
    if (out["x-kubernetes-int-or-string"] === true && !out.anyOf && !out.oneOf) {
      delete out.type;
      out.oneOf = INT_OR_STRING;
    }
    closeObject(out);
    return node.nullable === true ? withNull(out) : out;
  };
  return walk(openAPIV3Schema) as Schema;
}

interface Crd {
  kind?: string;
  spec?: { group?: string; names?: { kind?: string }; versions?: { name: string; served?: boolean; schema?: { openAPIV3Schema?: Schema } }[] };
}

/** Every served version of a CustomResourceDefinition document, with its strict schema. */
export function crdSchemas(doc: unknown): { group: string; kind: string; version: string; schema: Schema }[] {
  const crd = doc as Crd;
  if (crd?.kind !== "CustomResourceDefinition") return [];
  const group = crd.spec?.group;
  const kind = crd.spec?.names?.kind;
  if (!group || !kind) throw new Error("a CustomResourceDefinition without spec.group or spec.names.kind");
  return (crd.spec?.versions ?? [])
    .filter((v) => v.served !== false && v.schema?.openAPIV3Schema)
    .map((v) => ({ group, kind, version: v.name, schema: crdVersionSchema(v.schema?.openAPIV3Schema as Schema) }));
}
