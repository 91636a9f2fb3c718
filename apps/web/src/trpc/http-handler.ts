// The tRPC fetch handler behind /api/trpc, built from explicit dependencies so tests can drive
// the real HTTP path against a throwaway database.
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler, type FetchHandlerRequestOptions } from "@trpc/server/adapters/fetch";
import type { Db } from "@taskboard/db";
import type { TAuth } from "@/auth/create-auth";
import { appOrigins } from "@/server/app-origins";
import { appRouter, type AppRouter } from "./app-router";
import { createTRPCContext } from "./init";

/** No legitimate call comes close: a full task with a 20 000-character description is ~25 kB. */
export const MAX_TRPC_BODY_BYTES = 100 * 1024;
/** Calls the client may batch into one request. */
export const MAX_TRPC_BATCH_SIZE = 25;

export interface TrpcHttpHandlerOptions {
  getDeps: () => { db: Db; auth: TAuth };
  /**
   * The app's own origin (from APP_URL): a browser POST from any other origin is refused, except
   * the loopback aliases of a loopback APP_URL (server/app-origins.ts).
   */
  appOrigin: () => string;
  maxBodyBytes?: number;
  onError?: FetchHandlerRequestOptions<AppRouter>["onError"];
}

export function createTrpcHttpHandler({ getDeps, appOrigin, maxBodyBytes = MAX_TRPC_BODY_BYTES, onError }: TrpcHttpHandlerOptions) {
  return async (request: Request) => {
    if (isCrossSiteWrite(request, appOrigins(appOrigin()))) return crossSiteRefusal();
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      req: limitRequestBody(request, maxBodyBytes),
      router: appRouter,
      maxBatchSize: MAX_TRPC_BATCH_SIZE,
      createContext: () => createTRPCContext({ headers: request.headers, ...getDeps() }),
      onError,
    });
  };
}

/**
 * CSRF defence in depth (the session cookie is also SameSite=Lax): browsers send Origin (and
 * Sec-Fetch-Site) on every POST, so a write whose Origin is another site is refused before any
 * procedure runs. Clients that are not browsers send no Origin and carry no victim's cookie.
 */
function isCrossSiteWrite(request: Request, ownOrigins: readonly string[]): boolean {
  if (request.method !== "POST") return false;
  const origin = request.headers.get("origin");
  if (origin !== null) return !ownOrigins.includes(origin);
  return request.headers.get("sec-fetch-site") === "cross-site";
}

function crossSiteRefusal(): Response {
  const message = "Cross-site request refused: changes can only be made from this app's own pages.";
  return Response.json(
    { error: { message, code: -32003, data: { code: "FORBIDDEN", httpStatus: 403, zodError: null } } },
    { status: 403 },
  );
}

/**
 * Wraps the body so reading more than `maxBytes` fails with PAYLOAD_TOO_LARGE, which tRPC turns
 * into a 413 in its usual error shape. Counting the stream (not only trusting Content-Length)
 * also covers chunked uploads.
 */
function limitRequestBody(request: Request, maxBytes: number): Request {
  if (!request.body) return request;
  const tooLarge = () =>
    new TRPCError({
      code: "PAYLOAD_TOO_LARGE",
      message: `Request body is larger than ${Math.round(maxBytes / 1024)} kB`,
    });
  const declared = Number(request.headers.get("content-length") ?? "0");
  let seen = 0;
  const limited = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      start(controller) {
        if (declared > maxBytes) controller.error(tooLarge());
      },
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Request(request, { body: limited, duplex: "half" } as RequestInit);
}
