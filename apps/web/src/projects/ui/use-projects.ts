"use client";
// The signed-in user's projects (the sidebar, the boards' headers and roles), one query for all.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";

export function useProjects() {
  const trpc = useTRPC();
  return useQuery(trpc.project.list.queryOptions());
}
