// The developer tools: where they are, and how tests and `start:dapr` run them.
export { VERSIONS } from "./versions.ts";
export { locate, missingTools, skippedLine, type ToolName } from "./locate.ts";
export { kubeconformSchemaArgs } from "./kubeconform.ts";
export { CHART_DIR, DAPR_KINDS, RENDERABLE, daprResourcesOf, helmTemplate, parseManifests, type Manifest, type TemplateOptions } from "./run/helm-template.ts";
export { addressValues, chartDaprResources, renderDaprResources, swapSecretStoreForLocalFile, type DaprResourcesOptions } from "./run/dapr-resources.ts";
