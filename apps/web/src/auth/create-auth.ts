// Builds the better-auth instance from explicit dependencies, so the server (auth/server.ts) and
// the integration tests (a throwaway database) configure accounts in exactly the same way.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import type { Db } from "@taskboard/db";
import { appOrigins } from "@/server/app-origins";
import { DEFAULT_IP_HEADERS } from "./client-ip";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** The display name: shown in the header and the audit trail, so bounded like any other text. */
export const NAME_MAX_LENGTH = 100;

/**
 * better-auth takes any string as the name. Refuse what would be abuse or a database error (an
 * empty or huge name, U+0000, which PostgreSQL text cannot hold) with a 400 and a clear message.
 */
function checkUserName(name: unknown): void {
  if (typeof name !== "string") return;
  const refuse = (message: string) => {
    throw new APIError("BAD_REQUEST", { message, code: "INVALID_NAME" });
  };
  if (name.trim().length === 0) refuse("Name must not be empty");
  if (name.length > NAME_MAX_LENGTH) refuse(`Name must be at most ${NAME_MAX_LENGTH} characters`);
  if (name.includes("\u0000")) refuse("Name cannot contain the NUL character (U+0000)");
}

/**
 * Brute-force brakes on the email endpoints, per client IP (better-auth's rate limiter answers
 * 429 "Too many requests. Please try again later." with an X-Retry-After header in seconds).
 * Pinned here rather than left to the library's defaults, so an upgrade cannot loosen them; the
 * sign-in/sign-up forms show the message and the e2e helpers wait out the 10 s window.
 */
export const AUTH_RATE_LIMIT_RULES = {
  "/sign-in/email": { window: 10, max: 3 },
  "/sign-up/email": { window: 10, max: 3 },
} as const;

/**
 * How long a signed copy of the session in a cookie (better-auth's cookie cache) stands in for the
 * database lookup. It is also the revocation bound: a signed-out or revoked session keeps working
 * with a copy of its cookies for at most this long (README, Security). 0 turns the cache off.
 */
export const DEFAULT_SESSION_COOKIE_CACHE_SECONDS = 30;

export interface CreateAuthOptions {
  db: Db;
  secret: string;
  /**
   * The app's public origin; cookies, redirects and the origin check use it (a loopback one also
   * trusts its loopback aliases: server/app-origins.ts).
   */
  baseURL: string;
  /**
   * Rate limiting on or off. Left unset it follows better-auth: on when NODE_ENV is production
   * (so `next start` and the container), off in development and tests, where it would only
   * throttle the suites; tests of the limiter turn it on explicitly.
   */
  rateLimit?: boolean;
  /**
   * Reverse proxies (IPs/CIDRs) in front of the app: their hops in the forwarded chain are
   * skipped to find the client's address (auth/client-ip.ts). Empty: only single-value headers
   * are trusted.
   */
  trustedProxies?: string[];
  /** Headers carrying the client's address, in order (default x-forwarded-for). */
  ipAddressHeaders?: string[];
  /** See DEFAULT_SESSION_COOKIE_CACHE_SECONDS (the default); 0 turns the cookie cache off. */
  sessionCookieCacheSeconds?: number;
  /**
   * Where better-auth's own messages go (the server passes its pino logger, so they are JSON
   * lines like every other); unset: better-auth's console logger.
   */
  log?: AuthLog;
}

/** better-auth's log levels and call shape: a message, then whatever it adds (often an error). */
export type AuthLog = (level: "debug" | "info" | "warn" | "error", message: string, ...args: unknown[]) => void;

export function createAuth({
  db,
  secret,
  baseURL,
  rateLimit,
  trustedProxies = [],
  ipAddressHeaders = DEFAULT_IP_HEADERS,
  sessionCookieCacheSeconds = DEFAULT_SESSION_COOKIE_CACHE_SECONDS,
  log,
}: CreateAuthOptions) {
  return betterAuth({
    appName: "Taskboard",
    ...(log ? { logger: { level: "warn" as const, log } } : {}),
    baseURL,
    basePath: "/api/auth",
    secret,
    trustedOrigins: appOrigins(baseURL),
    database: prismaAdapter(db, { provider: "postgresql", transaction: true }),
    // The Prisma models are User/Session/Account/Verification (tables users, sessions, ...
    // via @@map); the delegates better-auth calls are prisma.user, prisma.session, ...
    user: { modelName: "user" },
    session: {
      modelName: "session",
      // Every request resolves its session; without this, each one is a database round trip.
      // better-auth signs the copy (HMAC with the secret) and checks, server-side, that it belongs
      // to the session token sent with it and is younger than maxAge; after that it reads the
      // database again (and a revoked session ends there). Sign-in always "remembers" here: with
      // rememberMe false better-auth would give the copy a fixed 60 s instead.
      ...(sessionCookieCacheSeconds > 0 ? { cookieCache: { enabled: true, maxAge: sessionCookieCacheSeconds } } : {}),
    },
    account: { modelName: "account" },
    verification: { modelName: "verification" },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      autoSignIn: true,
    },
    rateLimit: {
      ...(rateLimit === undefined ? {} : { enabled: rateLimit }),
      window: 60,
      max: 100,
      customRules: { ...AUTH_RATE_LIMIT_RULES },
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => {
            checkUserName(user.name);
            return { data: user };
          },
        },
        update: {
          before: async (user) => {
            if ("name" in user) checkUserName(user.name);
            return { data: user };
          },
        },
      },
    },
    advanced: {
      // better-auth turns its Origin check off when NODE_ENV is "test"; pinned on so the tests
      // exercise the check production runs, and no environment variable can loosen it.
      disableOriginCheck: false,
      ipAddress: { ipAddressHeaders, trustedProxies },
    },
    telemetry: { enabled: false },
    // Lets server actions that call auth.api set cookies through next/headers.
    plugins: [nextCookies()],
  });
}

export type TAuth = ReturnType<typeof createAuth>;
