// The assigned view, across all of the user's projects.
import { BoardRoute } from "../board-route";

export const dynamic = "force-dynamic";

export default function AssignedBoard() {
  return <BoardRoute scope={{ kind: "assigned" }} />;
}
