// Every installer `npm run tools` runs, in order (cheap ones first, the long daprd build last).
import { installDapr } from "./dapr.ts";
import { installKafka } from "./kafka.ts";
import { installRedis } from "./redis.ts";
import type { InstallResult } from "./result.ts";

export const installers: readonly { tool: string; install: () => Promise<InstallResult> }[] = [
  { tool: "redis-server", install: installRedis },
  { tool: "kafka", install: installKafka },
  { tool: "daprd + scheduler", install: installDapr },
];
