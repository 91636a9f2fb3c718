// One QueryClient factory for the server (per request) and the browser (one per tab).
import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Live updates arrive over Socket.IO; avoid refetching right after hydration.
        staleTime: 30 * 1000,
      },
      dehydrate: {
        // Stream queries prefetched but still pending in server components to the client.
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
    },
  });
}
