"use client";
// The project mutations the UI offers, each reflected in the cached project list when it succeeds.
// Deleting offers Undo (project.restore) in its toast.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/trpc/client";
import { addProject, dropProject, putProject } from "./project-cache";
import type { ProjectView } from "./project-types";
import { showApiError } from "./show-api-error";

export function useProjectActions() {
  const trpc = useTRPC();
  const client = useQueryClient();
  const refetchList = () => void client.invalidateQueries(trpc.project.list.queryFilter());
  const put = (project: ProjectView) => putProject(client, project);

  const create = useMutation(
    trpc.project.create.mutationOptions({ onSuccess: (project) => addProject(client, project), onError: showApiError("create the project") }),
  );
  const update = useMutation(trpc.project.update.mutationOptions({ onSuccess: put, onError: showApiError("save the project") }));
  const archive = useMutation(trpc.project.archive.mutationOptions({ onSuccess: put, onError: showApiError("archive the project") }));
  const unarchive = useMutation(trpc.project.unarchive.mutationOptions({ onSuccess: put, onError: showApiError("unarchive the project") }));
  const reorder = useMutation(trpc.project.reorder.mutationOptions({ onSuccess: put, onError: showApiError("move the project") }));
  const restore = useMutation(trpc.project.restore.mutationOptions({ onSuccess: refetchList, onError: showApiError("restore the project") }));
  const remove = useMutation(
    trpc.project.delete.mutationOptions({
      onSuccess: (project) => {
        dropProject(client, project.id);
        toast(`Deleted “${project.name}”`, { action: { label: "Undo", onClick: () => restore.mutate({ id: project.id }) } });
      },
      onError: showApiError("delete the project"),
    }),
  );
  return { create, update, archive, unarchive, reorder, remove, restore };
}
