"use client";
// A board: quick add, filters, the grouped task list, and the dialogs (editor, tags, shortcuts), for
// one scope (a project, or Today / Upcoming / Assigned to me across the user's projects). A project's
// viewer sees it read-only; the server refuses their writes anyway.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useMemo, useRef, useState, type ComponentProps } from "react";
import { ProjectHeader } from "@/projects/ui/project-header";
import { can } from "@/projects/ui/project-types";
import { useProjects } from "@/projects/ui/use-projects";
import { useTRPC } from "@/trpc/client";
import { useTaskFromUrl } from "@/notifications/use-task-from-url";
import { BoardHeader } from "./board-header";
import { boardListInput } from "./board-list-input";
import { SCOPE_TITLE, scopeCreateTarget, type BoardScope } from "./board-scope";
import { todayKey } from "./due-dates";
import { TaskEditor, type EditorTarget } from "./editor/task-editor";
import { FilterBar } from "./filters/filter-bar";
import { useBoardFilters } from "./filters/use-board-filters";
import { ShortcutsHelp } from "./keyboard/shortcuts-help";
import { ProjectTasks } from "./project-tasks";
import { TaskList } from "./cards/task-list";
import { CardSkeletons } from "@/components/skeleton";
import { useBoardShortcuts } from "./keyboard/use-board-shortcuts";
import { QuickAddBox } from "./quick-add-box/quick-add-box";
import { findCachedTask } from "./task-cache";
import { TagManager } from "./tags/tag-manager";
import type { Task } from "./types";
import { isOptimistic, useTaskActions } from "./use-task-actions";
import { useViewerZone } from "./viewer-zone/viewer-zone";

type TagOption = { id: string; name: string; color: string | null; openTaskCount?: number };

export function BoardPage({ scope }: { scope: BoardScope }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { filters, setFilters, activeCount } = useBoardFilters();
  const zone = useViewerZone();
  // The day changes the Today / Upcoming bounds; within it the query key stays the same.
  const day = todayKey(new Date(), zone);
  const listInput = useMemo(() => boardListInput(filters, scope, zone, day), [filters, scope, zone, day]);
  const projects = useProjects();
  const project = scope.kind === "project" ? projects.data?.projects.find((p) => p.id === scope.projectId) : undefined;
  const readOnly = project ? !can.write(project.role) : false;
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

  const listProps: ComponentProps<typeof TaskList> = {
    readOnly,
    input: listInput,
    groupBy: filters.group,
    zone,
    hasFilters: activeCount > 0,
    tagColors,
    onClearFilters: () => setFilters({ status: "OPEN", priorities: [], tagIds: [], due: null, from: null, to: null, q: "" }),
    onToggle: toggle,
    onEdit: edit,
    onDelete: remove,
    onReorder:
      filters.sort === "position" && !readOnly
        ? (task, position) => actions.reorder.mutate({ id: task.id, expectedVersion: task.version, position })
        : undefined,
  };

  return (
    <div className="app-shell">
      <BoardHeader onOpenTags={() => setTagsOpen(true)} onOpenHelp={() => setHelpOpen(true)} />
      <main className="board" id="main">
        {project ? <ProjectHeader project={project} /> : <h1 className="board-title">{scope.kind === "project" ? "Project" : SCOPE_TITLE[scope.kind]}</h1>}
        {readOnly ? (
          <p className="read-only-note" role="note">You can view this project. Only its owner and editors can change it.</p>
        ) : (
          <QuickAddBox
            ref={quickAddRef}
            zone={zone}
            onCreate={(input) => actions.create.mutate({ ...input, ...scopeCreateTarget(scope) })}
            onOpenEditor={(input) => setEditor({ mode: "create", input: { ...input, ...scopeCreateTarget(scope) } })}
          />
        )}
        <FilterBar filters={filters} setFilters={setFilters} tags={tags} activeCount={activeCount} searchRef={searchRef} />
        {project ? (
          <ProjectTasks project={project} {...listProps} />
        ) : scope.kind !== "project" ? (
          <TaskList {...listProps} />
        ) : projects.isPending || projects.isFetching ? (
          <CardSkeletons />
        ) : (
          <div className="state-panel" role="alert">
            <h2>This project is not available</h2>
            <p>It was deleted, or you are not a member of it (any more).</p>
            <Link className="button" href="/">Go to the Inbox</Link>
          </div>
        )}
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
    </div>
  );
}
