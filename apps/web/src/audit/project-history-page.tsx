"use client";
// A project's history page: every change to the project, its sections, tasks and members, newest
// first, each naming who made it; filters by type and person kept in the URL. Members only (the
// route checks, and audit.list answers NOT_FOUND to anyone else).
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/trpc/client";
import { AuditTimeline } from "./audit-timeline";
import { HistoryShell } from "./history-shell";
import { ChoiceSelect, eventTypeOrUndefined, TypeSelect } from "./history-filters";
import { useUrlFilters } from "./use-url-filters";

export function ProjectHistoryPage({ projectId, projectName }: { projectId: string; projectName: string }) {
  const trpc = useTRPC();
  const filters = useUrlFilters(`/projects/${projectId}/history`);
  const people = useQuery(trpc.audit.people.queryOptions({ projectId }));
  const type = eventTypeOrUndefined(filters.get("type"));
  const person = filters.get("person") ?? undefined;

  return (
    <HistoryShell
      title={`History of ${projectName}`}
      intro={
        <>
          Every change to this project, its tasks and its members, newest first. <Link href={`/projects/${projectId}`}>Back to the project</Link>
        </>
      }
      live
    >
      <section className="audit-filters" aria-label="Filters">
        <div className="audit-filters-row">
          <TypeSelect value={type} onChange={(value) => filters.set("type", value)} />
          <ChoiceSelect label="Person" all="Everyone" choices={people.data?.people ?? []} value={person} onChange={(value) => filters.set("person", value)} />
        </div>
      </section>
      <AuditTimeline filter={{ projectId, types: type ? [type] : undefined, actorId: person }} />
    </HistoryShell>
  );
}
