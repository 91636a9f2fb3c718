// The developer tools: where they are, and how tests, benchmarks and `start:dapr` run them.
export { VERSIONS } from "./versions.ts";
export { locate, missingTools, skippedLine, type ToolName } from "./locate.ts";
export { freeLoopbackPort } from "./run/free-port.ts";
export { startManagedProcess, type ManagedProcess } from "./run/managed-process.ts";
export { startKafka, type KafkaBroker } from "./run/kafka.ts";
export { startRedis, type RedisServer } from "./run/redis.ts";
export { startScheduler, type DaprScheduler } from "./run/scheduler.ts";
export { startDaprd, type Daprd, type DaprdOptions } from "./run/daprd.ts";
