import pino from "pino";
import { env } from "./env.ts";

export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: "workers" },
  redact: ["*.password", "*.token", "*.secret"],
});
