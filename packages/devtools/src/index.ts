// The developer tools: where they are, and how tests and `start:dapr` run them.
export { VERSIONS } from "./versions.ts";
export { locate, missingTools, skippedLine, type ToolName } from "./locate.ts";
export { kubeconformSchemaArgs } from "./kubeconform.ts";
