// Where the offline kubeconform schemas live inside the `k8s-schemas` cache folder, and the
// kubeconform arguments that read them. install/k8s-schemas.ts writes this layout; the infra
// checks pass `kubeconformSchemaArgs` so kubeconform never downloads anything.
//
// kubeconform fills these Go templates per resource (pkg/registry/registry.go in its module):
// ResourceKind is the lower-case kind, KindSuffix "-<first part of the group>-<version>" (just
// "-<version>" for the core group), Group the whole API group, ResourceAPIVersion the version.
import path from "node:path";
import { VERSIONS } from "./versions.ts";

/** Kubernetes' built-in kinds, one standalone strict schema per kind and version. */
export function kubernetesSchemaDir(root: string): string {
  return path.join(root, "kubernetes", `v${VERSIONS.kubernetes}-standalone-strict`);
}

/** e.g. deployment-apps-v1.json, service-v1.json, role-rbac-v1.json. */
export function kubernetesSchemaFile(kind: string, group: string, version: string): string {
  const groupPart = group === "" ? "" : `-${group.split(".")[0]}`;
  return `${kind.toLowerCase()}${groupPart}-${version}.json`;
}

/** Custom resources: <group>/<kind>_<version>.json, e.g. dapr.io/component_v1alpha1.json. */
export function crdSchemaFile(root: string, group: string, kind: string, version: string): string {
  return path.join(root, "crds", group, `${kind.toLowerCase()}_${version}.json`);
}

/** `-schema-location` (local folders only), `-kubernetes-version` and `-strict` for kubeconform. */
export function kubeconformSchemaArgs(root: string): string[] {
  return [
    "-strict",
    "-kubernetes-version",
    VERSIONS.kubernetes,
    "-schema-location",
    path.join(root, "kubernetes", "{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}", "{{ .ResourceKind }}{{ .KindSuffix }}.json"),
    "-schema-location",
    path.join(root, "crds", "{{ .Group }}", "{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json"),
  ];
}
