"use client";
// The audit timeline: entries newest first, read as sentences, with links to the tasks; pages
// load as the end of the list scrolls into view. The audit page and TaskHistory both use it.
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo, useRef } from "react";
import { useTRPC, useTRPCClient } from "@/trpc/client";
import { describeDiff, describeHeadline, formatInstant, recurrenceSource } from "./describe-change";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/trpc/app-router";
import type { AUDIT_EVENT_TYPES } from "./list-audit-entries.schema";
import "./audit.css";

export interface AuditFilter {
  types?: (typeof AUDIT_EVENT_TYPES)[number][];
  taskId?: string;
  from?: string;
  to?: string;
  limit?: number;
}
type Entry = inferRouterOutputs<AppRouter>["audit"]["list"]["items"][number];

const taskHref = (taskId: string) => `/?task=${encodeURIComponent(taskId)}`;

export function AuditTimeline({ filter, compact = false }: { filter: AuditFilter; compact?: boolean }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const query = useInfiniteQuery({
    queryKey: trpc.audit.list.infiniteQueryKey(filter),
    queryFn: ({ pageParam, signal }) => client.audit.list.query({ ...filter, cursor: pageParam }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
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
          <AuditEntryItem key={entry.id} entry={entry} showTask={!compact} />
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

function AuditEntryItem({ entry, showTask }: { entry: Entry; showTask: boolean }) {
  const changes = describeDiff(entry, { omitFields: showTask ? ["title"] : [] });
  const previousTask = recurrenceSource(entry);
  return (
    <li className="audit-entry" data-testid="audit-entry" data-type={entry.type}>
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
