"use client";
// The board: quick add, filters, the grouped task list, and the dialogs (editor, tags, shortcuts).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import { RealtimeStatus } from "@/realtime/realtime-status";
import { useTRPC } from "@/trpc/client";
import { useTaskFromUrl } from "@/notifications/use-task-from-url";
import { BoardHeader } from "./board-header";
import { TaskList } from "./cards/task-list";
import { TaskEditor, type EditorTarget } from "./editor/task-editor";
import { FilterBar } from "./filters/filter-bar";
import { useBoardFilters } from "./filters/use-board-filters";
import { ShortcutsHelp } from "./keyboard/shortcuts-help";
import { useBoardShortcuts } from "./keyboard/use-board-shortcuts";
import { QuickAddBox } from "./quick-add-box/quick-add-box";
import { findCachedTask } from "./task-cache";
import { TagManager } from "./tags/tag-manager";
import type { Task } from "./types";
import { isOptimistic, useTaskActions } from "./use-task-actions";

type TagOption = { id: string; name: string; color: string | null; openTaskCount?: number };

export function BoardPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { filters, setFilters, listInput, activeCount, zone } = useBoardFilters();
  const actions = useTaskActions();
  const tagsQuery = useQuery(trpc.tag.list.queryOptions());
  const tags = useMemo(() => (tagsQuery.data ?? []) as TagOption[], [tagsQuery.data]);
  const tagColors = useMemo(() => new Map(tags.map((t) => [t.id, t.color])), [tags]);

  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [tagsOpen, setTagsOpen] = useState(false);
  const quickAddRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const toggle = useCallback(
    (task: Task) => {
      if (isOptimistic(task)) return;
      const vars = { id: task.id, expectedVersion: task.version };
      if (task.status === "OPEN") actions.complete.mutate(vars);
      else actions.reopen.mutate(vars);
    },
    [actions.complete, actions.reopen],
  );
  const remove = useCallback(
    (task: Task) => {
      if (!isOptimistic(task)) actions.remove.mutate({ id: task.id, expectedVersion: task.version });
    },
    [actions.remove],
  );
  const edit = useCallback((task: Task) => setEditor({ mode: "edit", task }), []);
  useTaskFromUrl(edit);
  const byId = (id: string) => findCachedTask(queryClient, id);

  useBoardShortcuts({
    focusQuickAdd: () => quickAddRef.current?.focus(),
    focusSearch: () => searchRef.current?.focus(),
    showHelp: () => setHelpOpen(true),
    editTask: (id) => {
      const task = byId(id);
      if (task && !isOptimistic(task)) edit(task);
    },
    completeTask: (id) => {
      const task = byId(id);
      if (task) toggle(task);
    },
    deleteTask: (id) => {
      const task = byId(id);
      if (task) remove(task);
    },
  });

  const refocusCard = (id: string | undefined) => {
    // After the dialog closes, put focus back on the card so j/k/e keep working from there.
    if (!id) return;
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-task-id="${CSS.escape(id)}"]`)?.focus());
  };

  return (
    <div className="app-shell">
      <BoardHeader onOpenTags={() => setTagsOpen(true)} onOpenHelp={() => setHelpOpen(true)} />
      <main className="board" id="main">
        <h1 className="visually-hidden">Your tasks</h1>
        <QuickAddBox
          ref={quickAddRef}
          zone={zone}
          onCreate={(input) => actions.create.mutate(input)}
          onOpenEditor={(input) => setEditor({ mode: "create", input })}
        />
        <FilterBar filters={filters} setFilters={setFilters} tags={tags} activeCount={activeCount} searchRef={searchRef} />
        <TaskList
          input={listInput}
          groupBy={filters.group}
          zone={zone}
          hasFilters={activeCount > 0}
          tagColors={tagColors}
          onClearFilters={() => setFilters({ status: "OPEN", priorities: [], tagIds: [], due: null, from: null, to: null, q: "" })}
          onToggle={toggle}
          onEdit={edit}
          onDelete={remove}
          onReorder={
            filters.sort === "position"
              ? (task, position) => actions.reorder.mutate({ id: task.id, expectedVersion: task.version, position })
              : undefined
          }
        />
      </main>
      {editor && (
        <TaskEditor
          key={editor.mode === "edit" ? editor.task.id : "new"}
          target={editor}
          tags={tags}
          zone={zone}
          actions={actions}
          onClose={() => {
            const id = editor.mode === "edit" ? editor.task.id : undefined;
            setEditor(null);
            refocusCard(id);
          }}
        />
      )}
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
      <TagManager open={tagsOpen} onClose={() => setTagsOpen(false)} />
      {/* Live updates from other tabs and devices, with a small connection badge. */}
      <RealtimeStatus />
    </div>
  );
}
