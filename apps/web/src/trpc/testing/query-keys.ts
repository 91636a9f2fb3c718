// Cache tests put data under the keys the components' own queries use (`trpc.x.queryOptions()`),
// built here by tRPC itself: a test that wrote them by hand would agree with hand-written keys in
// the code even when tRPC's differ, and pass while the tab stays stale.
import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { AppRouter } from "../app-router";

// Key builders only: no request is ever sent through this client.
export const queryKeys = createTRPCOptionsProxy<AppRouter>({
  client: createTRPCClient<AppRouter>({ links: [] }),
  queryClient: new QueryClient(),
});
