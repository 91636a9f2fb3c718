// tRPC for server components: `trpc` option proxies for prefetching, <HydrateClient> to hand the
// prefetched cache to the browser, and `getServerCaller()` for direct calls.
import "server-only";

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
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

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any query's options
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(queryOptions: T) {
  const queryClient = getQueryClient();
  if (queryOptions.queryKey[1]?.type === "infinite") {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- infinite options are typed apart
    void queryClient.prefetchInfiniteQuery(queryOptions as any);
  } else {
    void queryClient.prefetchQuery(queryOptions);
  }
}

/** Calls procedures directly as the signed-in user (e.g. `(await getServerCaller()).user.me()`). */
export async function getServerCaller() {
  return createCaller(await createServerContext());
}
