// tRPC for server components: `trpc` option proxies for prefetching, <HydrateClient> to hand the
// prefetched cache to the browser, `getSessionUser()`, and `getServerCaller()` for direct calls.
import "server-only";

import { defaultShouldDehydrateQuery, dehydrate, hashKey, HydrationBoundary, type QueryKey } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";
import { getAuth } from "@/auth/server";
import { getDb } from "@/server/db";
import { appRouter, createCaller } from "./app-router";
import { createTRPCContext } from "./init";
import { makeQueryClient } from "./query-client";

/** One context per request, built from the incoming cookies. */
const createServerContext = cache(async () =>
  createTRPCContext({ headers: new Headers(await headers()), db: getDb(), auth: getAuth() }),
);

/** One QueryClient per request. */
export const getQueryClient = cache(makeQueryClient);

export const trpc = createTRPCOptionsProxy({
  ctx: createServerContext,
  router: appRouter,
  queryClient: getQueryClient,
});

/**
 * Hands the request's prefetched queries to the client components below. With `queryKeys`, only
 * those that succeeded: a layout and its page render at the same time, and each boundary should
 * carry its own queries once, not the other's half-done ones again.
 */
export function HydrateClient({ children, queryKeys }: { children: ReactNode; queryKeys?: readonly QueryKey[] }) {
  const hashes = queryKeys && new Set(queryKeys.map((key) => hashKey(key)));
  const state = dehydrate(
    getQueryClient(),
    hashes && { shouldDehydrateQuery: (query) => hashes.has(query.queryHash) && defaultShouldDehydrateQuery(query) },
  );
  return <HydrationBoundary state={state}>{children}</HydrationBoundary>;
}

/**
 * Starts a query in the request's cache; await it to render with its data. It never rejects: a
 * failed query is simply not handed to the browser, whose own query then asks again.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any query's options
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(queryOptions: T): Promise<void> {
  const queryClient = getQueryClient();
  if (queryOptions.queryKey[1]?.type === "infinite") {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- infinite options are typed apart
    return queryClient.prefetchInfiniteQuery(queryOptions as any);
  }
  return queryClient.prefetchQuery(queryOptions);
}

/** The signed-in user of this request, or null; the session is looked up once per request. */
export async function getSessionUser() {
  return (await createServerContext()).user;
}

/** Calls procedures directly as the signed-in user (e.g. `(await getServerCaller()).user.me()`). */
export async function getServerCaller() {
  return createCaller(await createServerContext());
}
