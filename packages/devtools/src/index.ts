// The developer tools: where they are, and how tests, benchmarks and `start:dapr` run them.
export { VERSIONS } from "./versions.ts";
export { locate, missingTools, skippedLine, type ToolName } from "./locate.ts";
export { freePort } from "@taskboard/db/ports";
export { startManagedProcess, type ManagedProcess } from "./run/managed-process.ts";
export { startKafka, type KafkaBroker } from "./run/kafka.ts";
export { startRedis, type RedisServer } from "./run/redis.ts";
export { startScheduler, type DaprScheduler } from "./run/scheduler.ts";
export { startDaprd, type Daprd, type DaprdOptions } from "./run/daprd.ts";
export { missingDaprTools, startDaprStack, WORKERS_APP_ID, type DaprStack, type PubsubKind, type SidecarOptions } from "./run/dapr-stack.ts";
export { kubeconformSchemaArgs } from "./kubeconform.ts";
export { CHART_DIR, DAPR_KINDS, RENDERABLE, daprResourcesOf, helmTemplate, parseManifests, type Manifest, type TemplateOptions } from "./run/helm-template.ts";
export { addressValues, chartDaprResources, renderDaprResources, swapSecretStoreForLocalFile, type DaprResourcesOptions } from "./run/dapr-resources.ts";
export { cookiePairs, signUpOverHttp, trpcData, trpcFetch, withSetCookies, type ProductSession, type SignedUpUser, type SignUpOptions } from "./product-client.ts";
