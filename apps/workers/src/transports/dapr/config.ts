// The Dapr transport's configuration, read from the environment with Dapr's own variable names.
// `daprEnvShape` can be spread into apps/workers/src/env.ts; `parseDaprConfig` is the strict check
// run when EVENT_BUS=dapr, so a missing or bad value stops the process with the variable's name.
import { z } from "zod";
import { DaprConfigError } from "./errors.ts";

const port = (name: string) =>
  z.coerce
    .number({ message: `${name} must be a TCP port number` })
    .int({ message: `${name} must be a TCP port number` })
    .min(1, { message: `${name} must be between 1 and 65535` })
    .max(65535, { message: `${name} must be between 1 and 65535` });

/** daprd refuses HTTP requests over 4 MB by default (--dapr-http-max-request-size). */
export const DAPRD_MAX_REQUEST_BYTES = 4 * 1024 * 1024;

export const daprEnvShape = {
  /** Where the sidecar listens; Dapr's injector sets DAPR_HTTP_PORT in the app container. */
  DAPR_HOST: z.string().min(1).default("127.0.0.1"),
  DAPR_HTTP_PORT: port("DAPR_HTTP_PORT").default(3500),
  /** Name of the pub/sub component declared in infra/dapr. */
  DAPR_PUBSUB_NAME: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { message: "DAPR_PUBSUB_NAME must be a Dapr component name" })
    .default("taskboard-pubsub"),
  /**
   * The port this process serves Dapr's app callback on (dapr.io/app-port). Optional here so the
   * embedded transport can share the env schema; `parseDaprConfig` requires it.
   */
  DAPR_APP_PORT: port("DAPR_APP_PORT").optional(),
  /** Interface the app callback binds to; daprd reaches the app over the pod's loopback. */
  DAPR_APP_HOST: z.string().min(1).default("127.0.0.1"),
  /** Jobs API path: "v1.0-alpha1" up to Dapr 1.17, "v1.0" from 1.18 (the version we pin). */
  DAPR_JOBS_API_PREFIX: z
    .enum(["v1.0-alpha1", "v1.0"], {
      message: 'DAPR_JOBS_API_PREFIX must be "v1.0-alpha1" (Dapr <= 1.17) or "v1.0" (Dapr >= 1.18)',
    })
    .default("v1.0"),
  /**
   * Prepended to every topic name on the broker (`<prefix>task-events`, `<prefix>task-events-dlq`),
   * so several instances (staging, CI runs) can share one Kafka or Redis without reading each
   * other's events. Empty by default.
   */
  DAPR_TOPIC_PREFIX: z
    .string()
    .regex(/^([a-z0-9][a-z0-9._-]*)?$/, { message: "DAPR_TOPIC_PREFIX may hold only a-z, 0-9, '.', '_' and '-'" })
    .default(""),
  /** How often the scheduler fires a job again while its handler fails (the job's failure policy). */
  DAPR_JOB_RETRY_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  /** Sent to daprd as `dapr-api-token` when the sidecar requires it. */
  DAPR_API_TOKEN: z.string().min(1).optional(),
  /** When set, every callback from daprd must carry it as `dapr-api-token`. */
  APP_API_TOKEN: z.string().min(1).optional(),
  /** How long start() waits for GET /v1.0/healthz/outbound before giving up. */
  DAPR_SIDECAR_WAIT_MS: z.coerce.number().int().positive().default(60_000),
  /** Events over this size are refused before publishing (docs/traps.md #19). */
  DAPR_MAX_EVENT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .max(DAPRD_MAX_REQUEST_BYTES, {
      message: `DAPR_MAX_EVENT_BYTES cannot exceed daprd's ${DAPRD_MAX_REQUEST_BYTES}-byte request limit`,
    })
    .default(256 * 1024),
  /**
   * Ask daprd for bulk deliveries (alpha in Dapr). Off by default: entries held back behind a
   * retried entry of the same user use up their own daprd retries, see docs/dapr.md.
   */
  DAPR_BULK_SUBSCRIBE: z.stringbool().default(false),
  DAPR_BULK_MAX_MESSAGES: z.coerce.number().int().min(1).max(1000).default(50),
  DAPR_BULK_MAX_AWAIT_MS: z.coerce.number().int().min(0).max(60_000).default(100),
};

export const ZDaprEnvSchema = z.object(daprEnvShape);

/** What createDaprBus needs: the env shape with the app port made mandatory. */
export const ZDaprConfigSchema = ZDaprEnvSchema.extend({
  DAPR_APP_PORT: port("DAPR_APP_PORT"),
}).refine((c) => c.DAPR_APP_PORT !== c.DAPR_HTTP_PORT || c.DAPR_HOST !== c.DAPR_APP_HOST, {
  message: "DAPR_APP_PORT must differ from DAPR_HTTP_PORT: the app and its sidecar cannot share a port",
  path: ["DAPR_APP_PORT"],
});

export type TDaprConfigInput = z.input<typeof ZDaprConfigSchema>;
export type TDaprConfig = z.output<typeof ZDaprConfigSchema>;

/** Validates the Dapr settings (env.ts hands them over); throws one error listing every problem. */
export function parseDaprConfig(source: Record<string, unknown>): TDaprConfig {
  // Treat empty strings as unset, as the workers' env.ts does; accept an already parsed config
  // (booleans) as well as raw environment strings.
  const cleaned = Object.fromEntries(
    Object.keys(daprEnvShape).map((key) => {
      const value = source[key];
      return [key, value === "" ? undefined : typeof value === "boolean" ? String(value) : value];
    }),
  );
  const result = ZDaprConfigSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = issue.path.join(".") || "config";
      const missing = issue.code === "invalid_type" && cleaned[key] === undefined;
      return missing ? `${key} is required when EVENT_BUS=dapr` : `${key}: ${issue.message}`;
    });
    throw new DaprConfigError(`Invalid Dapr configuration:\n  - ${problems.join("\n  - ")}`);
  }
  return result.data;
}
