// The workers' configuration, validated once at start-up: a bad value stops the process with a
// message naming the variable.
import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

export const env = createEnv({
  server: {
    DATABASE_URL: z.url({ message: "DATABASE_URL must be a postgresql:// URL" }),
    EVENT_BUS: z.enum(["embedded", "dapr"]).default("embedded"),
    /** Health, readiness, metrics and (under Dapr) the app callback. */
    WORKERS_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
