// Structured JSON logs for the web server (pino). One root logger; request code uses children.
import "server-only";
import pino from "pino";
import { env } from "@/env";
import { activeTraceLogFields } from "@/server/tracing/trace-context";

export const logger = pino({
  // Defaults are not applied while validation is skipped (next build), hence the fallback.
  level: env.LOG_LEVEL ?? "info",
  base: { service: "web" },
  redact: [
    // Credentials never reach a log line, whether logged at the top level, one or two levels deep.
    "password", "token", "secret", "cookie", "authorization",
    "*.password", "*.token", "*.secret", "*.cookie", "*.Cookie", "*.authorization", "*.Authorization",
    "*.*.password", "*.*.token", "*.*.secret", "*.*.cookie", "*.*.Cookie", "*.*.authorization", "*.*.Authorization",
  ],
  // Lines written inside a traced request name its trace; fields the line sets itself win.
  mixin: activeTraceLogFields,
});
