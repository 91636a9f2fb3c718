// What the workspace shell around every board shows on its first render (the sidebar's projects
// and tags, the header's user), fetched while the server renders so the HTML has it.
import "server-only";
import type { QueryKey } from "@tanstack/react-query";
import { prefetch, trpc } from "@/trpc/server";

/** Resolves with the keys of the queries now in the request's cache, for <HydrateClient>. */
export async function prefetchShell(): Promise<QueryKey[]> {
  const queries = [trpc.project.list.queryOptions(), trpc.tag.list.queryOptions(), trpc.user.me.queryOptions()];
  await Promise.all(queries.map((options) => prefetch(options)));
  return queries.map((options) => options.queryKey);
}
