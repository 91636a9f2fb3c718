import pino from "pino";
import { env } from "./env.ts";

export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: "workers" },
  redact: [
    // Credentials never reach a log line, whether logged at the top level, one or two levels deep.
    "password", "token", "secret", "cookie", "authorization",
    "*.password", "*.token", "*.secret", "*.cookie", "*.Cookie", "*.authorization", "*.Authorization",
    "*.*.password", "*.*.token", "*.*.secret", "*.*.cookie", "*.*.Cookie", "*.*.authorization", "*.*.Authorization",
  ],
});
