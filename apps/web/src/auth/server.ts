// The server's better-auth instance. Built on first use so `next build` never needs secrets or a
// database; every later call returns the same instance.
import "server-only";
import { env } from "@/env";
import { getDb } from "@/server/db";
import { isDatabaseUnavailableError } from "@/server/database-unavailable";
import { logger } from "@/server/logger";
import { createAuth, type AuthLog, type TAuth } from "./create-auth";

const authLogger = logger.child({ component: "better-auth" });
/**
 * better-auth's messages as JSON lines, an error it passes along as `err`. An unreachable database
 * is already reported once per outage by the tRPC layer (warn), so here it drops to debug instead
 * of one error line with a stack per request.
 */
const logAuth: AuthLog = (level, message, ...args) => {
  const err = args.find((arg) => arg instanceof Error);
  authLogger[err && isDatabaseUnavailableError(err) ? "debug" : level](err ? { err } : {}, message);
};

const globalForAuth = globalThis as unknown as { taskboardAuth?: TAuth };

export function getAuth(): TAuth {
  globalForAuth.taskboardAuth ??= createAuth({
    db: getDb(),
    secret: env.BETTER_AUTH_SECRET,
    baseURL: env.APP_URL,
    trustedProxies: env.AUTH_TRUSTED_PROXIES,
    ipAddressHeaders: env.AUTH_IP_HEADERS,
    sessionCookieCacheSeconds: env.AUTH_SESSION_CACHE_SECONDS,
    log: logAuth,
  });
  return globalForAuth.taskboardAuth;
}
