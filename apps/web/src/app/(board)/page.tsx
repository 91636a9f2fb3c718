// The Inbox: the signed-in user's personal project, its tasks prefetched on the server (without a
// Suspense boundary, for the reason in ./board-route.tsx).
import { prefetchBoard, type PageSearchParams } from "@/board/prefetch-board";
import { InboxBoard } from "@/sidebar/inbox-board";
import { HydrateClient } from "@/trpc/server";

export const dynamic = "force-dynamic";

export default async function Inbox({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const queries = await prefetchBoard({ kind: "inbox" }, searchParams);
  return (
    <HydrateClient queryKeys={queries}>
      <InboxBoard />
    </HydrateClient>
  );
}
