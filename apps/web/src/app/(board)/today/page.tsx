// The today view, across all of the user's projects.
import type { PageSearchParams } from "@/board/prefetch-board";
import { BoardRoute } from "../board-route";

export const dynamic = "force-dynamic";

export default function TodayBoard({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  return <BoardRoute scope={{ kind: "today" }} searchParams={searchParams} />;
}
