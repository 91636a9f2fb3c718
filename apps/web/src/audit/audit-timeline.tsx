"use client";
// The audit timeline: entries newest first, read as sentences naming who acted, with links to the
// tasks; pages load as the end of the list scrolls into view. The audit page, a project's history,
// TaskHistory and the administration page all use it.
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo, useRef } from "react";
import { useTRPC, useTRPCClient } from "@/trpc/client";
import { describeDiff, describeHeadline, formatInstant, recurrenceSource } from "./describe-change";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/trpc/app-router";
import type { TAuditEventType } from "./list-audit-entries.schema";
import "./audit.css";

export interface AuditFilter {
  types?: TAuditEventType[];
  taskId?: string;
  /** A project's history (its members') instead of the user's own. */
  projectId?: string;
  /** Only what this person (user id, or consumer name) did. */
  actorId?: string;
  from?: string;
  to?: string;
  limit?: number;
}
/** admin.history's filters: the whole instance, for administrators. */
export interface InstanceHistoryFilter {
  userId?: string;
  projectId?: string;
  type?: TAuditEventType;
}
type Entry = inferRouterOutputs<AppRouter>["audit"]["list"]["items"][number];

export interface AuditTimelineProps {
  /** audit.list's filters; ignored when `instance` is given. */
  filter?: AuditFilter;
  /** Read admin.history (the whole instance) with these filters instead. */
  instance?: InstanceHistoryFilter;
  /** The editor's short history: no task links. */
  compact?: boolean;
  /** Name each entry's project (the instance's history spans them all). */
  showProject?: boolean;
}

const taskHref = (taskId: string) => `/?task=${encodeURIComponent(taskId)}`;

function useHistoryPages({ filter = {}, instance }: Pick<AuditTimelineProps, "filter" | "instance">) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  return useInfiniteQuery({
    queryKey: instance ? trpc.admin.history.infiniteQueryKey(instance) : trpc.audit.list.infiniteQueryKey(filter),
    queryFn: ({ pageParam, signal }) =>
      instance
        ? client.admin.history.query({ ...instance, cursor: pageParam }, { signal })
        : client.audit.list.query({ ...filter, cursor: pageParam }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // Every admin.history call is a recorded read: only the administrator's own actions fetch it.
    ...(instance ? { staleTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false } : {}),
  });
}

export function AuditTimeline({ filter, instance, compact = false, showProject = false }: AuditTimelineProps) {
  const query = useHistoryPages({ filter, instance });
  const entries = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);

  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage) return;
    const observer = new IntersectionObserver((seen) => {
      if (seen.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    }, { rootMargin: "300px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (query.isPending) return <p className="muted">Loading history…</p>;
  if (query.isError) return <p role="alert">Could not load the history: {query.error.message}</p>;
  if (entries.length === 0) return <p className="muted">Nothing here yet.</p>;

  return (
    <div className={compact ? "task-history" : undefined}>
      <ol className="audit-timeline" aria-label="History">
        {entries.map((entry) => (
          <AuditEntryItem key={entry.id} entry={entry} showTask={!compact} showProject={showProject} />
        ))}
      </ol>
      <div ref={sentinel} />
      {hasNextPage && (
        <button type="button" className="button small" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          {isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </div>
  );
}

function AuditEntryItem({ entry, showTask, showProject }: { entry: Entry; showTask: boolean; showProject: boolean }) {
  const changes = describeDiff(entry, { omitFields: showTask ? ["title"] : [] });
  const previousTask = recurrenceSource(entry);
  return (
    <li className="audit-entry" data-testid="audit-entry" data-type={entry.type} data-actor={entry.actorName}>
      <time dateTime={entry.occurredAt}>{formatInstant(entry.occurredAt)}</time>
      <div>
        <span className="audit-entry-headline">{describeHeadline(entry)}</span>
        {previousTask && (
          <>
            {" from "}
            <Link href={taskHref(previousTask)}>the previous task</Link>
          </>
        )}
        {showTask && entry.taskId && (
          <>
            {" · "}
            <Link href={taskHref(entry.taskId)}>{entry.taskTitle ?? "task"}</Link>
          </>
        )}
        {showProject && entry.projectName && <span className="muted"> · in {entry.projectName}</span>}
      </div>
      {/* A new task in one line; an edit as one line per field, before → after. */}
      {entry.type === "task.created" && changes.length > 0 && <p className="audit-entry-summary">{changes.join(" · ")}</p>}
      {entry.type !== "task.created" && changes.length > 0 && (
        <ul className="audit-entry-changes">
          {changes.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
