// One project's board. A project the user is not a member of shows "not available" (the server
// answers NOT_FOUND either way).
import type { PageSearchParams } from "@/board/prefetch-board";
import { BoardRoute } from "../../board-route";

export const dynamic = "force-dynamic";

export default async function ProjectBoard({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<PageSearchParams> }) {
  const { id } = await params;
  return <BoardRoute scope={{ kind: "project", projectId: id }} searchParams={searchParams} />;
}
