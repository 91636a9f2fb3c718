import { describe, expect, it } from "vitest";
import { crdSchemas, kubernetesSchemas } from "./json-schema.ts";

// Converted schemas of arbitrary shape, navigated by the assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const swagger = {
  definitions: {
    "io.k8s.api.apps.v1.Widget": {
      description: "dropped",
      type: "object",
      required: ["spec"],
      properties: {
        apiVersion: { type: "string" },
        spec: { $ref: "#/definitions/io.k8s.api.apps.v1.WidgetSpec" },
        labels: { type: "object", additionalProperties: { type: "string" } },
      },
      "x-kubernetes-group-version-kind": [{ group: "apps", kind: "Widget", version: "v1" }],
    },
    "io.k8s.api.apps.v1.WidgetSpec": {
      type: "object",
      properties: {
        port: { $ref: "#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString" },
        memory: { $ref: "#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity" },
        child: { $ref: "#/definitions/io.k8s.api.apps.v1.WidgetSpec" },
      },
    },
    "io.k8s.apimachinery.pkg.util.intstr.IntOrString": { type: "string", format: "int-or-string" },
    "io.k8s.apimachinery.pkg.api.resource.Quantity": { type: "string" },
    "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions": {
      type: "object",
      properties: {},
      "x-kubernetes-group-version-kind": [
        { group: "", kind: "DeleteOptions", version: "v1" },
        { group: "apps", kind: "DeleteOptions", version: "v1" },
      ],
    },
  },
};

describe("kubernetesSchemas", () => {
  const [widget, ...others] = kubernetesSchemas(swagger);

  it("writes one schema per kind, skipping the shared meta types", () => {
    expect(others).toEqual([]);
    expect(widget?.gvk).toEqual({ group: "apps", kind: "Widget", version: "v1" });
  });

  it("inlines $refs, closes objects, cuts recursion and drops descriptions", () => {
    const schema = widget?.schema as Json;
    expect(JSON.stringify(schema)).not.toMatch(/\$ref|description/);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.spec.additionalProperties).toBe(false);
    expect(schema.properties.spec.properties.child).toEqual({});
    // A map stays a map: its additionalProperties is kept, not replaced.
    expect(schema.properties.labels.additionalProperties).toEqual({ type: "string" });
  });

  it("keeps the API server's leniencies: int-or-string, numeric quantities, null for optional fields", () => {
    const spec = (widget?.schema as Json).properties.spec;
    expect(spec.type).toBe("object"); // required: no null
    expect(spec.properties.port.oneOf).toEqual([{ type: "string" }, { type: "integer" }, { type: "null" }]);
    expect(spec.properties.memory.oneOf).toEqual([{ type: "string" }, { type: "number" }, { type: "null" }]);
    expect((widget?.schema as Json).properties.apiVersion.type).toEqual(["string", "null"]);
  });
});

describe("crdSchemas", () => {
  const crd = {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    spec: {
      group: "example.io",
      names: { kind: "Gadget" },
      versions: [
        { name: "v1alpha1", served: false, schema: { openAPIV3Schema: { type: "object" } } },
        {
          name: "v1",
          served: true,
          schema: {
            openAPIV3Schema: {
              type: "object",
              properties: {
                metadata: { type: "object" },
                spec: {
                  type: "object",
                  properties: {
                    size: { "x-kubernetes-int-or-string": true },
                    config: { type: "object", "x-kubernetes-preserve-unknown-fields": true, properties: { known: { type: "string" } } },
                    note: { type: "string", nullable: true, description: "dropped" },
                  },
                },
              },
            },
          },
        },
      ],
    },
  };

  it("converts each served version, strict except where unknown fields are preserved", () => {
    const [only, ...rest] = crdSchemas(crd);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ group: "example.io", kind: "Gadget", version: "v1" });
    const schema = only?.schema as Json;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.metadata.additionalProperties).toBeUndefined();
    expect(schema.properties.spec.additionalProperties).toBe(false);
    expect(schema.properties.spec.properties.config.additionalProperties).toBeUndefined();
    expect(schema.properties.spec.properties.size.oneOf).toEqual([{ type: "string" }, { type: "integer" }]);
    expect(schema.properties.spec.properties.note).toEqual({ type: ["string", "null"] });
  });

  it("ignores documents that are not CRDs", () => {
    expect(crdSchemas({ kind: "ConfigMap" })).toEqual([]);
  });
});
