// Structured JSON logs for the web server (pino). One root logger; request code uses children.
import "server-only";
import pino from "pino";
import { env } from "@/env";

export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: "web" },
  redact: ["*.password", "*.token", "*.secret", "*.cookie", "*.authorization"],
});
