"use client";
// The board's list: loads pages of tasks for the current filters, groups them, and handles the
// loading, empty, error and "more to load" states.
import { useInfiniteQuery, useIsMutating, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, type ReactNode } from "react";
import { CardSkeletons } from "@/components/skeleton";
import { useTRPC } from "@/trpc/client";
import { isUnauthorized } from "../api-errors";
import { groupBySection, groupTasks, type GroupBy, type TaskGroup } from "../group-tasks";
import { recordMoveAsked, withMovesAsked } from "../task-cache";
import type { Section, Task, TaskListInput } from "../types";
import { LoadError } from "./load-error";
import { TaskCard } from "./task-card";

export type TaskListProps = {
  input: TaskListInput;
  groupBy: GroupBy;
  zone: string;
  hasFilters: boolean;
  tagColors: Map<string, string | null>;
  onClearFilters: () => void;
  onToggle: (task: Task) => void;
  onEdit: (task: Task) => void;
  onDelete: (task: Task) => void;
  /** Manual order: persist a new position for the task. */
  onReorder?: ((task: Task, position: number) => void) | undefined;
  /** A project's list: one group per section ("No section" first, shown when it has tasks). */
  sections?: Section[] | undefined;
  /** Replaces a group's plain heading (section headings with their actions). */
  renderHeading?: ((group: TaskGroup, headingId: string) => ReactNode) | undefined;
  /** A viewer's list: cards without complete or delete. */
  readOnly?: boolean | undefined;
};

function groupsOf(tasks: Task[], groupBy: GroupBy, zone: string, sections: Section[] | undefined): TaskGroup[] {
  if (!sections) return groupTasks(tasks, groupBy, new Date(), zone);
  return groupBySection(tasks, sections).filter((g) => g.section !== null || g.tasks.length > 0);
}

/**
 * The position that puts list[index] one place up (-1) or down (+1) in the list as shown: halfway
 * between the neighbour it passes and the one after, or one step past the end. `sign` is 1 when
 * positions grow down the list (ascending), -1 when descending.
 */
export function positionAfterMove(list: Task[], index: number, step: -1 | 1, sign: 1 | -1): number | null {
  const neighbour = list[index + step];
  if (!neighbour) return null;
  const beyond = list[index + 2 * step];
  return beyond ? (neighbour.position + beyond.position) / 2 : neighbour.position + step * sign;
}

export function TaskList(props: TaskListProps) {
  const { input, groupBy, zone, hasFilters, tagColors, onClearFilters, onReorder, sections, renderHeading, readOnly, ...actions } = props;
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(
    trpc.task.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor }),
  );
  // Moves show at once and are saved one after another; the list is busy until all are saved.
  const savingMoves = useIsMutating({ mutationKey: trpc.task.reorder.mutationKey() }) > 0;
  const tasks = useMemo(() => (query.data?.pages.flatMap((p) => p.items) ?? []) as Task[], [query.data]);
  const now = new Date();
  const groups = groupsOf(tasks, groupBy, zone, sections);

  /**
   * Manual order: where `task` goes one step up or down. Read from the query cache and the moves
   * asked for but not in it yet, not from this render: two quick Alt+↑ can both arrive before
   * React renders the first move (or before its optimistic write), and the second must start from
   * where the first one put the task.
   */
  const moveTask = (task: Task, step: -1 | 1) => {
    const cached = queryClient.getQueryData<InfiniteData<{ items: Task[] }>>(trpc.task.list.infiniteQueryKey(input));
    const latest = withMovesAsked(queryClient, cached ? cached.pages.flatMap((page) => page.items) : tasks, input);
    const group = groupsOf(latest, groupBy, zone, sections).find((g) => g.tasks.some((t) => t.id === task.id));
    if (!group || !onReorder) return;
    const index = group.tasks.findIndex((t) => t.id === task.id);
    const position = positionAfterMove(group.tasks, index, step, input.sortDirection === "desc" ? -1 : 1);
    if (position === null) return;
    recordMoveAsked(queryClient, task.id, position);
    onReorder(task, position);
  };

  useEffect(() => {
    if (isUnauthorized(query.error)) router.replace("/sign-in");
  }, [query.error, router]);

  // Infinite scroll: fetch the next page when the sentinel below the list comes into view.
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    }, { rootMargin: "400px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (query.isPending) return <CardSkeletons />;

  if (query.isError && tasks.length === 0) {
    return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  }

  if (tasks.length === 0 && groups.length === 0) {
    return hasFilters ? (
      <div className="state-panel">
        <h2>No tasks match these filters</h2>
        <p>Try a different search, or clear the filters to see everything.</p>
        <button type="button" className="button" onClick={onClearFilters}>Clear filters</button>
      </div>
    ) : (
      <div className="state-panel">
        <h2>{input.status === "COMPLETED" ? "Nothing completed yet" : "You're all clear"}</h2>
        <p>
          Add a task above in plain words, for example <code>Water plants every saturday 9am #home !low</code>.
          Press <kbd>?</kbd> for keyboard shortcuts.
        </p>
      </div>
    );
  }

  return (
    <div className="task-groups" data-testid="task-list" aria-busy={query.isFetching || savingMoves || undefined}>
      {groups.map((group) => (
        <section key={group.key} className={`task-group${group.tone ? ` tone-${group.tone}` : ""}`} aria-labelledby={`group-${group.key}`}>
          {renderHeading ? (
            renderHeading(group, `group-${group.key}`)
          ) : (
            <h2 id={`group-${group.key}`} className="group-heading">
              {group.label} <span className="group-count" aria-label={`${group.tasks.length} tasks`}>{group.tasks.length}</span>
            </h2>
          )}
          <ul className="task-cards" aria-label={`${group.label} tasks`}>
            {group.tasks.map((task) => (
              <TaskCard
                key={task.id}
                task={task}
                now={now}
                zone={zone}
                tagColors={tagColors}
                {...actions}
                readOnly={readOnly}
                onMove={onReorder && moveTask}
              />
            ))}
          </ul>
        </section>
      ))}
      <div ref={sentinel} />
      {hasNextPage && (
        <button type="button" className="button ghost load-more" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
          {isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </div>
  );
}
