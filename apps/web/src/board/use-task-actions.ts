"use client";
// Every task mutation the board performs: optimistic in the cache, rolled back on error, then
// reconciled with the server's snapshot. Complete and delete offer Undo in their toast.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC, useTRPCClient } from "@/trpc/client";
import { readApiError } from "./api-errors";
import { useOwnVersions } from "./own-versions";
import {
  findCachedTask,
  forgetMoveAsked,
  insertTask,
  moveTask,
  invalidateLists,
  putTask,
  removeTask,
  restoreLists,
  snapshotLists,
  type CacheSnapshot,
} from "./task-cache";
import type { Task } from "./types";

type Ctx = { snapshot: CacheSnapshot };

export type CreateTaskInput = {
  title: string;
  description?: string;
  priority?: Task["priority"];
  dueAt?: string | null;
  allDay?: boolean;
  timeZone?: string;
  remindAt?: string | null;
  remindBeforeMinutes?: number | null;
  rrule?: string | null;
  recurrenceMode?: Task["recurrenceMode"];
  tagIds?: string[];
  tagNames?: string[];
  projectId?: string;
  sectionId?: string | null;
  assigneeId?: string | null;
};

export type TaskPatch = Partial<Omit<CreateTaskInput, "tagNames">> & { tagIds?: string[] };

function showError(action: string, error: unknown) {
  const { code, message } = readApiError(error);
  toast.error(code === "CONFLICT" ? `Changed elsewhere: ${message}` : `Could not ${action}: ${message}`);
}

export function useTaskActions() {
  const trpc = useTRPC();
  const trpcClient = useTRPCClient();
  const client = useQueryClient();
  const ownMoves = useOwnVersions();

  const settle = () => {
    void invalidateLists(client);
    // New tag names create tags, and tag counts follow task changes.
    void client.invalidateQueries({ queryKey: trpc.tag.list.queryKey() });
  };
  const rollback = (action: string) => (error: unknown, _vars: unknown, ctx: Ctx | undefined) => {
    if (ctx) restoreLists(client, ctx.snapshot);
    showError(action, error);
  };
  const reopen = useMutation(
    trpc.task.reopen.mutationOptions<Ctx>({
      onMutate: async (vars) => {
        const snapshot = await snapshotLists(client);
        const task = findCachedTask(client, vars.id);
        if (task) putTask(client, { ...task, status: "OPEN", completedAt: null });
        return { snapshot };
      },
      onError: rollback("reopen the task"),
      onSuccess: (task) => {
        putTask(client, task as Task);
        // Reopening withdraws the next occurrence its completion created (a worker does it);
        // look again shortly, as after a completion, so it goes without a manual refresh.
        if ((task as Task).rrule) setTimeout(() => void invalidateLists(client), 1500);
      },
      onSettled: settle,
    }),
  );

  const restore = useMutation(
    trpc.task.restore.mutationOptions<Ctx>({
      onMutate: () => snapshotLists(client).then((snapshot) => ({ snapshot })),
      onError: rollback("restore the task"),
      onSuccess: (task) => insertTask(client, task as Task),
      onSettled: settle,
    }),
  );

  const complete = useMutation(
    trpc.task.complete.mutationOptions<Ctx>({
      onMutate: async (vars) => {
        const snapshot = await snapshotLists(client);
        const task = findCachedTask(client, vars.id);
        if (task) putTask(client, { ...task, status: "COMPLETED", completedAt: new Date().toISOString() });
        return { snapshot };
      },
      onError: rollback("complete the task"),
      onSuccess: (task) => {
        const done = task as Task;
        putTask(client, done);
        // The next occurrence of a repeating task is created by a worker reacting to the event;
        // look again shortly so it appears without a manual refresh.
        if (done.rrule) setTimeout(() => void invalidateLists(client), 1500);
        toast.success(`Completed “${done.title}”`, {
          action: { label: "Undo", onClick: () => reopen.mutate({ id: done.id, expectedVersion: done.version }) },
        });
      },
      onSettled: settle,
    }),
  );

  const remove = useMutation(
    trpc.task.delete.mutationOptions<Ctx>({
      onMutate: async (vars) => {
        const snapshot = await snapshotLists(client);
        removeTask(client, vars.id);
        return { snapshot };
      },
      onError: rollback("delete the task"),
      onSuccess: (task) => {
        const gone = task as Task;
        toast(`Deleted “${gone.title}”`, {
          action: { label: "Undo", onClick: () => restore.mutate({ id: gone.id, expectedVersion: gone.version }) },
        });
      },
      onSettled: settle,
    }),
  );

  const create = useMutation(
    trpc.task.create.mutationOptions<Ctx & { tempId: string }>({
      onMutate: async (vars) => {
        const snapshot = await snapshotLists(client);
        const tempId = `optimistic-${crypto.randomUUID()}`;
        insertTask(client, draftTask(tempId, vars as CreateTaskInput));
        return { snapshot, tempId };
      },
      onError: rollback("add the task"),
      onSuccess: (task, _vars, ctx) => insertTask(client, task as Task, ctx?.tempId),
      onSettled: settle,
    }),
  );

  const update = useMutation(
    trpc.task.update.mutationOptions<Ctx>({
      onMutate: async (vars) => {
        const snapshot = await snapshotLists(client);
        const task = findCachedTask(client, vars.id);
        if (task) {
          const { tagIds, ...fields } = vars.patch as TaskPatch;
          const tags = tagIds ? task.tags.filter((t) => tagIds.includes(t.id)) : task.tags;
          putTask(client, { ...task, ...fields, tags } as Task);
        }
        return { snapshot };
      },
      // The editor shows field errors and conflicts itself; it only needs the cache rolled back.
      onError: (_error, _vars, ctx) => {
        if (ctx) restoreLists(client, ctx.snapshot);
      },
      onSuccess: (task) => putTask(client, task as Task),
      onSettled: settle,
    }),
  );

  /** Another move of this task waits behind the one finishing (moves run one at a time). */
  const laterMoveQueued = (id: string) =>
    client.getMutationCache().findAll({ mutationKey: trpc.task.reorder.mutationKey(), status: "pending", predicate: (m) => (m.state.variables as { id?: string } | undefined)?.id === id }).length > 1;
  const reorder = useMutation({
    ...trpc.task.reorder.mutationOptions<Ctx>({
      onMutate: async (vars) => {
        const snapshot = await snapshotLists(client);
        moveTask(client, vars.id, vars.position);
        return { snapshot };
      },
      onError: rollback("move the task"),
      // While a later move of the same card is queued, an earlier move's answer (or a list
      // refetched after it) would put the card back where that move left it, and a key pressed
      // then would move it from there; the last move's answer brings the final place. (Its echo
      // from the live feed keeps the asked place: task-cache.ts, movesAsked.)
      onSuccess: (task, vars) => {
        if (!laterMoveQueued(vars.id)) putTask(client, task as Task);
      },
      onSettled: (_task, _error, vars) => {
        forgetMoveAsked(client, vars.id, vars.position);
        if (!laterMoveQueued(vars.id)) settle();
      },
    }),
    // Alt+↓ pressed twice before the first answer (own-versions.ts).
    scope: { id: "task.reorder" },
    mutationFn: async (vars) => {
      const expectedVersion = ownMoves.expected(vars.id, vars.expectedVersion);
      const task = await trpcClient.task.reorder.mutate({ ...vars, expectedVersion });
      ownMoves.record(vars.id, vars.expectedVersion, expectedVersion, task.version);
      return task;
    },
  });

  return { create, update, complete, reopen, remove, restore, reorder };
}

/** What a new task looks like until the server answers (the card shows it as "saving"). */
function draftTask(id: string, input: CreateTaskInput): Task {
  const now = new Date().toISOString();
  return {
    id,
    userId: "",
    title: input.title,
    description: input.description ?? "",
    status: "OPEN",
    priority: input.priority ?? "NONE",
    dueAt: input.dueAt ?? null,
    allDay: input.allDay ?? false,
    timeZone: input.timeZone ?? "UTC",
    remindAt: input.remindAt ?? null,
    remindBeforeMinutes: input.remindBeforeMinutes ?? null,
    rrule: input.rrule ?? null,
    recurrenceMode: input.recurrenceMode ?? null,
    seriesId: null,
    position: 0,
    version: 0,
    tags: (input.tagNames ?? []).map((name) => ({ id: `optimistic-${name}`, name })),
    createdAt: now,
    updatedAt: now,
    completedAt: null,
    deletedAt: null,
  };
}

export function isOptimistic(task: Pick<Task, "id">): boolean {
  return task.id.startsWith("optimistic-");
}
