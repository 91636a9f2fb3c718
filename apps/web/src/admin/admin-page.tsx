"use client";
// The administration page (instance administrators only): every user, the whole instance's
// history filtered by person, project and type (in the URL), and the recent administrator reads.
// Read-only. Every load is a recorded read, so nothing here refetches on its own: the
// administrator's own actions (a filter, "Refresh") do.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { AuditTimeline } from "@/audit/audit-timeline";
import { CONSUMER_NAMES } from "@/audit/actor-names";
import { formatInstant } from "@/audit/describe-change";
import { HistoryShell } from "@/audit/history-shell";
import { ChoiceSelect, eventTypeOrUndefined, TypeSelect } from "@/audit/history-filters";
import { useUrlFilters } from "@/audit/use-url-filters";
import { useTRPC } from "@/trpc/client";
import "@/audit/audit.css";
import "./admin.css";

const ONCE = { staleTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false } as const;
const CONSUMERS = Object.entries(CONSUMER_NAMES).map(([id, name]) => ({ id, name: `${name} (system)` }));

function describeFilters(filters: Record<string, unknown>): string {
  const parts = Object.entries(filters).filter(([key]) => key !== "cursor");
  return parts.length === 0 ? "no filter" : parts.map(([key, value]) => `${key}: ${String(value)}`).join(", ");
}

function ColumnHeads({ names }: { names: string[] }) {
  return (
    <thead>
      <tr>
        {names.map((name) => (
          <th key={name} scope="col">
            {name}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function AdminPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const filters = useUrlFilters("/admin");
  const users = useQuery({ ...trpc.admin.users.queryOptions(), ...ONCE });
  const projects = useQuery({ ...trpc.admin.projects.queryOptions(), ...ONCE });
  const reads = useQuery({ ...trpc.admin.reads.queryOptions({ limit: 20 }), ...ONCE });
  const person = filters.get("person") ?? undefined;
  const project = filters.get("project") ?? undefined;
  const type = eventTypeOrUndefined(filters.get("type"));
  const people = [...(users.data?.users ?? []).map((user) => ({ id: user.id, name: `${user.name} (${user.email})` })), ...CONSUMERS];

  return (
    <HistoryShell title="Administration" intro="Read-only. Every read on this page is recorded, with who read what and when." className="admin-page">
      <section aria-labelledby="admin-users">
        <h2 id="admin-users">Users</h2>
        {users.isError && <p role="alert">Could not load the users: {users.error.message}</p>}
        <table className="admin-table">
          <ColumnHeads names={["Name", "Email", "Signed up", "Projects", "Actions"]} />
          <tbody>
            {users.data?.users.map((user) => (
              <tr key={user.id}>
                <td>{user.name}</td>
                <td>{user.email}</td>
                <td><time dateTime={user.createdAt}>{formatInstant(user.createdAt)}</time></td>
                <td>{user.projectCount}</td>
                <td>
                  <button type="button" className="button ghost small" onClick={() => filters.set("person", user.id)}>
                    Their changes
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="admin-history" className="admin-history">
        <h2 id="admin-history">Instance history</h2>
        <div className="audit-filters" role="group" aria-label="Filters">
          <div className="audit-filters-row">
            <ChoiceSelect label="Person" all="Everyone" choices={people} value={person} onChange={(value) => filters.set("person", value)} />
            <ChoiceSelect label="Project" all="All projects" choices={projects.data?.projects ?? []} value={project} onChange={(value) => filters.set("project", value)} />
            <TypeSelect value={type} onChange={(value) => filters.set("type", value)} />
          </div>
        </div>
        <AuditTimeline instance={{ userId: person, projectId: project, type }} showProject />
      </section>

      <section aria-labelledby="admin-reads">
        <h2 id="admin-reads">
          Recent administrator reads{" "}
          <button type="button" className="button ghost small" onClick={() => void queryClient.invalidateQueries({ queryKey: trpc.admin.reads.queryKey() })}>
            Refresh
          </button>
        </h2>
        {reads.isError && <p role="alert">Could not load the reads: {reads.error.message}</p>}
        <table className="admin-table">
          <ColumnHeads names={["When", "Who", "What"]} />
          <tbody>
            {reads.data?.reads.map((read) => (
              <tr key={read.id} data-testid="admin-read">
                <td><time dateTime={read.readAt}>{formatInstant(read.readAt)}</time></td>
                <td>{read.adminEmail}</td>
                <td>
                  {read.procedure} <span className="muted">({describeFilters(read.filters)})</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </HistoryShell>
  );
}
