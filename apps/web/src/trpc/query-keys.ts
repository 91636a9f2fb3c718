// tRPC's own query keys and filters for every procedure, outside React: the caches that live
// updates and optimistic edits change are found through these, never through keys written by hand,
// so they always match what `useTRPC().x.queryOptions()` stored.
import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { AppRouter } from "./app-router";

// Key builders only: this client has no link, so nothing is ever sent through it.
export const queryKeys = createTRPCOptionsProxy<AppRouter>({
  client: createTRPCClient<AppRouter>({ links: [] }),
  queryClient: () => new QueryClient(),
});
