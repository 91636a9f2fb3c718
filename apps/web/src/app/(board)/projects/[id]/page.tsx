// One project's board. A project the user is not a member of shows "not available" (the server
// answers NOT_FOUND either way).
import { BoardRoute } from "../../board-route";

export const dynamic = "force-dynamic";

export default async function ProjectBoard({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <BoardRoute scope={{ kind: "project", projectId: id }} />;
}
