"use client";
// Every task of a project for the board, in position order: the board shows whole columns, so it
// loads page after page until all are there. Same task.list cache family as the list, so
// optimistic and live updates reach it.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { useTRPC } from "@/trpc/client";
import type { Task, TaskListInput } from "../types";
import { kanbanListInput } from "./kanban-list-input";

export function useBoardTasks(input: TaskListInput) {
  const trpc = useTRPC();
  const boardInput = useMemo(() => kanbanListInput(input), [input]);
  const query = useInfiniteQuery(trpc.task.list.infiniteQueryOptions(boardInput, { getNextPageParam: (page) => page.nextCursor }));
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const tasks = useMemo(() => (query.data?.pages.flatMap((p) => p.items) ?? []) as Task[], [query.data]);
  return { query, tasks };
}
