// Every installer `npm run tools` runs, in order (cheap ones first, the long daprd build last).
import { installDapr } from "./dapr.ts";
import { installHelm } from "./helm.ts";
import { installK8sSchemas } from "./k8s-schemas.ts";
import { installKafka } from "./kafka.ts";
import { installKubeconform } from "./kubeconform.ts";
import { installRedis } from "./redis.ts";
import type { InstallResult } from "./result.ts";

export const installers: readonly { tool: string; install: () => Promise<InstallResult> }[] = [
  { tool: "redis-server", install: installRedis },
  { tool: "kafka", install: installKafka },
  { tool: "kubeconform", install: installKubeconform },
  { tool: "helm", install: installHelm },
  { tool: "k8s-schemas", install: installK8sSchemas },
  { tool: "daprd + scheduler", install: installDapr },
];
