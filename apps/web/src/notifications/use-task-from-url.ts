"use client";
// Opens the task named by `?task=<id>` (links from notifications and the history) in the board's
// editor once it is loaded, then drops the parameter so closing the editor does not reopen it.
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useEffect } from "react";
import type { Task } from "@/board/types";
import { useTRPC } from "@/trpc/client";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function useTaskFromUrl(open: (task: Task) => void) {
  const trpc = useTRPC();
  const params = useSearchParams();
  const id = params.get("task");
  const valid = id !== null && UUID.test(id);
  const task = useQuery({ ...trpc.task.get.queryOptions({ id: id ?? "" }), enabled: valid, retry: false });

  useEffect(() => {
    if (!valid || !task.data) return;
    open(task.data as Task);
    const url = new URL(window.location.href);
    url.searchParams.delete("task");
    window.history.replaceState(null, "", url);
  }, [valid, task.data, open]);
}
