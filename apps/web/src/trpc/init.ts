// tRPC's foundation: the request context, the two procedure kinds and the one error formatter.
// Everything transport-specific about errors lives here; use cases only throw AppError.
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Db } from "@taskboard/db";
import type { TAuth } from "@/auth/create-auth";
import { AppError } from "@/server/app-error";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailableError } from "@/server/database-unavailable";
import type { TSessionUser } from "@/server/session-user";
import { withProcedureSpan } from "@/server/tracing/trace-context";
import { measureProcedure } from "./procedure-metrics";
import {
  describeValidationError,
  flattenValidationError,
  type TFlattenedValidationError,
} from "@/server/validation-error";

export interface TCreateContextOptions {
  headers: Headers;
  db: Db;
  auth: TAuth;
}

/** Resolves the signed-in user from the request's session cookie (null when signed out). */
export async function createTRPCContext({ headers, db, auth }: TCreateContextOptions) {
  const session = await auth.api.getSession({ headers }).catch((error: unknown) => {
    throw databaseUnavailable(error) ?? error;
  });
  const user: TSessionUser | null = session
    ? { id: session.user.id, name: session.user.name, email: session.user.email }
    : null;
  return { db, user };
}

/** A 503 for an error that means the database cannot be reached now (undefined for anything else). */
function databaseUnavailable(error: unknown): TRPCError | undefined {
  if (!isDatabaseUnavailableError(error)) return undefined;
  return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE, cause: error });
}

export type TContext = Awaited<ReturnType<typeof createTRPCContext>>;

const t = initTRPC.context<TContext>().create({
  errorFormatter({ shape, error }) {
    let zodError: TFlattenedValidationError | null = null;
    let message = shape.message;
    if (error.code === "BAD_REQUEST" && error.cause instanceof ZodError) {
      zodError = flattenValidationError(error.cause);
      message = describeValidationError(zodError);
    } else if (error.cause instanceof AppError && error.cause.fieldErrors) {
      zodError = { formErrors: [], fieldErrors: error.cause.fieldErrors };
    } else if (error.code === "INTERNAL_SERVER_ERROR") {
      // Never show a database or library message to the browser; the server log has it.
      message = "Something went wrong on our side. Please try again.";
    }
    return { ...shape, message, data: { ...shape.data, zodError } };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

/**
 * The one place a domain AppError becomes a TRPCError with the matching HTTP status, and an
 * unreachable database a 503 that says the change was not saved (instead of a 500).
 */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
    const unavailable = databaseUnavailable(result.error.cause ?? result.error);
    if (unavailable) throw unavailable;
  }
  return result;
});

/** Each call in its own span: what a mutation writes to the outbox carries it (one change, one trace). */
const traceProcedure = t.middleware(({ ctx, path, type, next }) => withProcedureSpan({ path, type, userId: ctx.user?.id, next }));

/** Counts and times each call by procedure and outcome code, as the client finally sees it. */
const measure = t.middleware(({ path, type, next }) => measureProcedure({ path, type, next }));

/** Callable by anyone; `ctx.user` may be null. */
export const publicProcedure = t.procedure.use(measure).use(traceProcedure).use(mapAppErrors);

/** Requires a session; narrows `ctx.user` to the signed-in user (UNAUTHORIZED otherwise). */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in to continue." });
  }
  return next({ ctx: { user: ctx.user } });
});
