"use client";
// The member's own List / Kanban choice for a project (project.setView): shown at once, written
// into the project.get and project.list caches, and put back with a toast if the server refuses.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/trpc/client";
import { readApiError } from "../api-errors";

export type ProjectViewMode = "LIST" | "KANBAN";

type ProjectLike = { id: string; view: ProjectViewMode };
type ProjectListData = { projects: ProjectLike[] };

export function useProjectView(project: ProjectLike) {
  const trpc = useTRPC();
  const client = useQueryClient();
  // The choice made here, until the caches the caller reads from have it too.
  const [chosen, setChosen] = useState<{ projectId: string; view: ProjectViewMode } | null>(null);
  const getKey = trpc.project.get.queryKey({ id: project.id });
  const listKey = trpc.project.list.queryKey();

  const write = (view: ProjectViewMode) => {
    client.setQueryData<ProjectLike>(getKey, (old) => (old ? { ...old, view } : old));
    client.setQueryData<ProjectListData>(listKey, (old) =>
      old ? { ...old, projects: old.projects.map((p) => (p.id === project.id ? { ...p, view } : p)) } : old,
    );
  };

  const setView = useMutation(
    trpc.project.setView.mutationOptions<{ previous: ProjectViewMode }>({
      onMutate: ({ view }) => {
        const previous = chosen?.projectId === project.id ? chosen.view : project.view;
        setChosen({ projectId: project.id, view });
        write(view);
        return { previous };
      },
      onError: (error, _vars, ctx) => {
        if (ctx) {
          setChosen({ projectId: project.id, view: ctx.previous });
          write(ctx.previous);
        }
        toast.error(`Could not switch the view: ${readApiError(error).message}`);
      },
    }),
  );

  const view = chosen?.projectId === project.id ? chosen.view : project.view;
  return { view, choose: (next: ProjectViewMode) => next !== view && setView.mutate({ id: project.id, view: next }) };
}
