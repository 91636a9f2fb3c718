// The server's better-auth instance. Built on first use so `next build` never needs secrets or a
// database; every later call returns the same instance.
import "server-only";
import { env } from "@/env";
import { getDb } from "@/server/db";
import { createAuth, type TAuth } from "./create-auth";

const globalForAuth = globalThis as unknown as { taskboardAuth?: TAuth };

export function getAuth(): TAuth {
  globalForAuth.taskboardAuth ??= createAuth({
    db: getDb(),
    secret: env.BETTER_AUTH_SECRET,
    baseURL: env.APP_URL,
    trustedProxies: env.AUTH_TRUSTED_PROXIES,
    ipAddressHeaders: env.AUTH_IP_HEADERS,
  });
  return globalForAuth.taskboardAuth;
}
