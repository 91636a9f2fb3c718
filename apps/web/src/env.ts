// The web app's configuration, validated once. The only module that reads `process.env`.
//
// `next build` imports route modules to collect page data; the deployment's secrets are not
// there at build time, so validation is skipped in that phase (and when SKIP_ENV_VALIDATION is
// set, e.g. for a Docker build stage). At run time the first server module that reads `env`
// fails with a message naming every bad variable.
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { ZIpHeaders, ZTrustedProxies } from "./auth/client-ip";

const isBuildPhase = process.env.NEXT_PHASE === "phase-production-build";
const METRICS_PORT = "WEB_METRICS_PORT must be a port number (0 turns the metrics server off)";

export const env = createEnv({
  server: {
    DATABASE_URL: z
      .string({ message: "DATABASE_URL is required (postgresql://user:pass@host:5432/db)" })
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
    /** The public origin of the web app; better-auth signs cookies and checks origins for it. */
    APP_URL: z.url({ message: "APP_URL must be the app's public URL, e.g. http://localhost:3000" }),
    BETTER_AUTH_SECRET: z
      .string({ message: "BETTER_AUTH_SECRET is required (at least 32 random characters)" })
      .min(32, "BETTER_AUTH_SECRET must be at least 32 characters"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Shared with the workers: signs Socket.IO tokens. Unset: the board runs without live updates. */
    REALTIME_TOKEN_SECRET: z.string().min(32, "REALTIME_TOKEN_SECRET must be at least 32 characters").optional(),
    /** Where browsers reach Socket.IO (e.g. http://localhost:3003); unset: the page's own origin. */
    REALTIME_SOCKET_URL: z.url({ message: "REALTIME_SOCKET_URL must be a URL, e.g. http://localhost:3003" }).optional(),
    /** OpenTelemetry collector, OTLP/HTTP base URL (spans go to <url>/v1/traces). Unset: tracing off. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ message: "OTEL_EXPORTER_OTLP_ENDPOINT must be a URL, e.g. http://otel-collector:4318" }).optional(),
    /** Internal port of GET /metrics (Prometheus), apart from the app port; 0 = no metrics server. */
    WEB_METRICS_PORT: z.coerce.number({ message: METRICS_PORT }).int(METRICS_PORT).min(0, METRICS_PORT).max(65535, METRICS_PORT).default(3002),
    /** Reverse proxies (IPs/CIDRs) whose X-Forwarded-For hops the auth rate limiter skips. */
    AUTH_TRUSTED_PROXIES: ZTrustedProxies,
    /** Headers the auth rate limiter reads the client address from, in order. */
    AUTH_IP_HEADERS: ZIpHeaders,
    /**
     * Seconds a signed copy of the session in a cookie spares the database lookup; also how long a
     * signed-out or revoked session can still be used with a copy of its cookies. 0: off.
     */
    AUTH_SESSION_CACHE_SECONDS: z.coerce
      .number({ message: "AUTH_SESSION_CACHE_SECONDS must be a number of seconds" })
      .int("AUTH_SESSION_CACHE_SECONDS must be a whole number of seconds")
      .min(0, "AUTH_SESSION_CACHE_SECONDS must be 0 (off) or more")
      .max(300, "AUTH_SESSION_CACHE_SECONDS must be at most 300: it is how long a revoked session still works")
      .default(30),
  },
  client: {},
  runtimeEnv: {
    DATABASE_URL: process.env.DATABASE_URL,
    APP_URL: process.env.APP_URL,
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET,
    LOG_LEVEL: process.env.LOG_LEVEL,
    REALTIME_TOKEN_SECRET: process.env.REALTIME_TOKEN_SECRET,
    REALTIME_SOCKET_URL: process.env.REALTIME_SOCKET_URL,
    OTEL_EXPORTER_OTLP_ENDPOINT: process.env.OTEL_EXPORTER_OTLP_ENDPOINT,
    WEB_METRICS_PORT: process.env.WEB_METRICS_PORT,
    AUTH_TRUSTED_PROXIES: process.env.AUTH_TRUSTED_PROXIES,
    AUTH_IP_HEADERS: process.env.AUTH_IP_HEADERS,
    AUTH_SESSION_CACHE_SECONDS: process.env.AUTH_SESSION_CACHE_SECONDS,
  },
  emptyStringAsUndefined: true,
  skipValidation: isBuildPhase || Boolean(process.env.SKIP_ENV_VALIDATION),
  onValidationError(issues) {
    const lines = issues.map((issue) => {
      const name = issue.path?.map((p) => (typeof p === "object" ? p.key : p)).join(".") ?? "?";
      return `  - ${String(name)}: ${issue.message}`;
    });
    const message = `Invalid environment for the web app:\n${lines.join("\n")}`;
    console.error(message);
    throw new Error(message);
  },
});
