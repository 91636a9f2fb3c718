// Builds the better-auth instance from explicit dependencies, so the server (auth/server.ts) and
// the integration tests (a throwaway database) configure accounts in exactly the same way.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import type { Db } from "@taskboard/db";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export interface CreateAuthOptions {
  db: Db;
  secret: string;
  /** The app's public origin; cookies, redirects and the origin check use it. */
  baseURL: string;
}

export function createAuth({ db, secret, baseURL }: CreateAuthOptions) {
  return betterAuth({
    appName: "Taskboard",
    baseURL,
    basePath: "/api/auth",
    secret,
    trustedOrigins: [baseURL],
    database: prismaAdapter(db, { provider: "postgresql", transaction: true }),
    // The Prisma models are User/Session/Account/Verification (tables users, sessions, ...
    // via @@map); the delegates better-auth calls are prisma.user, prisma.session, ...
    user: { modelName: "user" },
    session: { modelName: "session" },
    account: { modelName: "account" },
    verification: { modelName: "verification" },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      autoSignIn: true,
    },
    telemetry: { enabled: false },
    // Lets server actions that call auth.api set cookies through next/headers.
    plugins: [nextCookies()],
  });
}

export type TAuth = ReturnType<typeof createAuth>;
