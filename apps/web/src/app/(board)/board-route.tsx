// A board route's page: the board for one scope, its tasks prefetched on the server. No Suspense
// boundary around it: one would flush its skeleton first and stream the board after it, hidden
// until a script swaps it in, and the HTML's first paint (or a page without JavaScript) would
// show the skeleton. useSearchParams does not need one in a dynamic route.
import { BoardPage } from "@/board/board-page";
import type { BoardScope } from "@/board/board-scope";
import { prefetchBoard, type PageSearchParams } from "@/board/prefetch-board";
import { HydrateClient } from "@/trpc/server";

export async function BoardRoute({ scope, searchParams }: { scope: BoardScope; searchParams: Promise<PageSearchParams> }) {
  const queries = await prefetchBoard(scope, searchParams);
  return (
    <HydrateClient queryKeys={queries}>
      <BoardPage scope={scope} />
    </HydrateClient>
  );
}
