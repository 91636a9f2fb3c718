"use client";
// The Inbox's board: the user's Inbox project, found in their project list.
import { BoardPage } from "@/board/board-page";
import { CardSkeletons } from "@/components/skeleton";
import { useProjects } from "@/projects/ui/use-projects";

export function InboxBoard() {
  const projects = useProjects();
  const inbox = projects.data?.projects.find((p) => p.isInbox);
  if (!inbox) return <main className="board" id="main"><CardSkeletons /></main>;
  return <BoardPage scope={{ kind: "project", projectId: inbox.id }} />;
}
