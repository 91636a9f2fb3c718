// A board route's page: the board for one scope, in the Suspense boundary that useSearchParams
// (the filters live in the URL) needs.
import { Suspense } from "react";
import { BoardPage } from "@/board/board-page";
import type { BoardScope } from "@/board/board-scope";
import { CardSkeletons } from "@/components/skeleton";

export function BoardRoute({ scope }: { scope: BoardScope }) {
  return (
    <Suspense fallback={<main className="board"><CardSkeletons /></main>}>
      <BoardPage scope={scope} />
    </Suspense>
  );
}
