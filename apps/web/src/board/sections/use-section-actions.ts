"use client";
// Adding, renaming, moving and deleting a project's sections: each shows at once in the
// section.list cache (the same key live updates write to), goes back with a toast on an error,
// and is reconciled with the server's answer.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/trpc/client";
import { readApiError } from "../api-errors";
import { invalidateLists, restoreLists, snapshotLists, updateTasks, type CacheSnapshot } from "../task-cache";
import type { Section } from "../types";

export type DeleteChoice = { action: "moved"; toSectionId: string | null } | { action: "deleted" };

type Ctx = { sections: Section[] | undefined; tasks?: CacheSnapshot };

export function sortSections(sections: Section[]): Section[] {
  return [...sections].sort((a, b) => a.position - b.position);
}

function upsert(sections: Section[] | undefined, section: Section, replacingId?: string): Section[] {
  const rest = (sections ?? []).filter((s) => s.id !== section.id && s.id !== replacingId);
  return sortSections([...rest, section]);
}

export function useSectionActions(projectId: string) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const key = trpc.section.list.queryKey({ projectId });

  const begin = async (): Promise<Ctx> => {
    await client.cancelQueries({ queryKey: key });
    return { sections: client.getQueryData<Section[]>(key) };
  };
  const fail = (action: string) => (error: unknown, _vars: unknown, ctx: Ctx | undefined) => {
    if (ctx) client.setQueryData(key, ctx.sections);
    if (ctx?.tasks) restoreLists(client, ctx.tasks);
    const { code, message } = readApiError(error);
    toast.error(code === "CONFLICT" ? `Changed elsewhere: ${message}` : `Could not ${action}: ${message}`);
  };
  const settle = () => client.invalidateQueries({ queryKey: key });

  const create = useMutation(
    trpc.section.create.mutationOptions<Ctx & { tempId: string }>({
      onMutate: async (vars) => {
        const ctx = await begin();
        const tempId = `optimistic-${crypto.randomUUID()}`;
        const now = new Date().toISOString();
        const last = sortSections(ctx.sections ?? []).at(-1);
        const draft: Section = {
          id: tempId,
          projectId,
          name: vars.name,
          position: vars.position ?? (last ? last.position + 1 : 1),
          version: 1,
          createdAt: now,
          updatedAt: now,
          deletedAt: null,
        };
        client.setQueryData<Section[]>(key, (old) => upsert(old, draft));
        return { ...ctx, tempId };
      },
      onError: fail("add the section"),
      onSuccess: (section, _vars, ctx) => client.setQueryData<Section[]>(key, (old) => upsert(old, section as Section, ctx?.tempId)),
      onSettled: settle,
    }),
  );

  const update = useMutation(
    trpc.section.update.mutationOptions<Ctx>({
      onMutate: async (vars) => {
        const ctx = await begin();
        client.setQueryData<Section[]>(key, (old) => sortSections((old ?? []).map((s) => (s.id === vars.id ? { ...s, ...vars.patch } : s))));
        return ctx;
      },
      onError: fail("change the section"),
      onSuccess: (section) => client.setQueryData<Section[]>(key, (old) => upsert(old, section as Section)),
      onSettled: settle,
    }),
  );

  const remove = useMutation(
    trpc.section.delete.mutationOptions<Ctx>({
      onMutate: async (vars) => {
        const ctx = await begin();
        const tasks = await snapshotLists(client);
        client.setQueryData<Section[]>(key, (old) => (old ?? []).filter((s) => s.id !== vars.id));
        const choice = vars.tasks as DeleteChoice;
        updateTasks(client, (task) => {
          if (task.sectionId !== vars.id) return undefined;
          return choice.action === "deleted" ? null : { ...task, sectionId: choice.toSectionId };
        });
        return { ...ctx, tasks };
      },
      onError: fail("delete the section"),
      onSettled: async () => {
        await settle();
        await invalidateLists(client);
      },
    }),
  );

  return { create, update, remove };
}
