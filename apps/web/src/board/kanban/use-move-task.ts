"use client";
// task.move from the board: the card moves in every cached list at once; on an error (someone
// changed the task meanwhile, a viewer's move, a deleted section) the lists go back to how they
// were and a toast says why. Moves run one at a time so a card dragged twice quickly is not a
// CONFLICT with itself (own-versions.ts).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC, useTRPCClient } from "@/trpc/client";
import { readApiError } from "../api-errors";
import { useOwnVersions } from "../own-versions";
import { invalidateLists, moveTask, putTask, restoreLists, snapshotLists, type CacheSnapshot } from "../task-cache";
import type { Task } from "../types";

export type MoveVars = { id: string; expectedVersion: number; sectionId: string | null; position: number; title: string };

export function moveFailureMessage(title: string, error: unknown): string {
  const { code, message } = readApiError(error);
  if (code === "CONFLICT") return `“${title}” was changed by someone else meanwhile, so it was put back. ${message}`;
  if (code === "FORBIDDEN") return `You cannot move “${title}”: ${message}`;
  return `Could not move “${title}”: ${message}`;
}

export function useMoveTask() {
  const trpc = useTRPC();
  const trpcClient = useTRPCClient();
  const client = useQueryClient();
  const own = useOwnVersions();

  return useMutation<Task, unknown, MoveVars, { snapshot: CacheSnapshot }>({
    mutationKey: trpc.task.move.mutationKey(),
    scope: { id: "task.move" },
    mutationFn: async ({ title: _title, ...vars }) => {
      const expectedVersion = own.expected(vars.id, vars.expectedVersion);
      const task = (await trpcClient.task.move.mutate({ ...vars, expectedVersion })) as Task;
      own.record(vars.id, vars.expectedVersion, expectedVersion, task.version);
      return task;
    },
    onMutate: async (vars) => {
      const snapshot = await snapshotLists(client);
      moveTask(client, vars.id, vars.position, { sectionId: vars.sectionId });
      return { snapshot };
    },
    onError: (error, vars, ctx) => {
      if (ctx) restoreLists(client, ctx.snapshot);
      toast.error(moveFailureMessage(vars.title, error));
    },
    onSuccess: (task) => putTask(client, task),
    onSettled: () => invalidateLists(client),
  });
}
