"use client";
// The sidebar of every board: Inbox, Today, Upcoming, Assigned to me, the user's projects in their
// own order (archived ones folded away), the tags, and "+ New project".
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { ProjectFormDialog } from "@/projects/ui/project-form-dialog";
import { putProject } from "@/projects/ui/project-cache";
import type { ProjectView } from "@/projects/ui/project-types";
import { useProjectActions } from "@/projects/ui/use-project-actions";
import { useProjects } from "@/projects/ui/use-projects";
import { useTRPC } from "@/trpc/client";
import { positionAfterStep } from "./project-order";
import { SidebarProjectItem } from "./sidebar-project-item";
import { SortableProjects } from "./sortable-projects";
import "./sidebar.css";

const VIEWS = [
  { href: "/", label: "Inbox" },
  { href: "/today", label: "Today" },
  { href: "/upcoming", label: "Upcoming" },
  { href: "/assigned", label: "Assigned to me" },
] as const;

export function Sidebar() {
  const trpc = useTRPC();
  const client = useQueryClient();
  const pathname = usePathname();
  const router = useRouter();
  const projects = useProjects();
  const tags = useQuery(trpc.tag.list.queryOptions());
  const actions = useProjectActions();
  const [creating, setCreating] = useState(false);

  const all = (projects.data?.projects ?? []).filter((p) => !p.isInbox && !p.deletedAt);
  const active = all.filter((p) => !p.archivedAt).sort((a, b) => a.position - b.position);
  const archived = all.filter((p) => p.archivedAt);

  const place = (project: ProjectView, position: number) => {
    // Shown at once; the server's answer (or its refusal) follows.
    putProject(client, { ...project, position });
    actions.reorder.mutate({ id: project.id, position });
  };
  const move = (project: ProjectView, step: -1 | 1) => {
    const index = active.findIndex((p) => p.id === project.id);
    const position = positionAfterStep(active.map((p) => p.position), index, step);
    if (position === null) return;
    place(project, position);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`.sidebar [data-project-id="${CSS.escape(project.id)}"]`)?.focus());
  };

  return (
    <nav className="sidebar" aria-label="Projects and views">
      <ul className="sidebar-list">
        {VIEWS.map((view) => (
          <li key={view.href}>
            <Link href={view.href} className="sidebar-link" aria-current={pathname === view.href ? "page" : undefined}>
              <span className="sidebar-label">{view.label}</span>
            </Link>
          </li>
        ))}
      </ul>
      <div className="sidebar-heading">
        <h2 id="sidebar-projects">Projects</h2>
        <button type="button" className="button ghost small" onClick={() => setCreating(true)}>+ New project</button>
      </div>
      <SortableProjects projects={active} currentPath={pathname} onPosition={place} onMove={move} />
      {archived.length > 0 && (
        <details className="sidebar-archived">
          <summary>Archived ({archived.length})</summary>
          <ul className="sidebar-list" aria-label="Archived projects">
            {archived.map((project) => (
              <SidebarProjectItem key={project.id} project={project} current={pathname === `/projects/${project.id}`} />
            ))}
          </ul>
        </details>
      )}
      {(tags.data?.length ?? 0) > 0 && (
        <>
          <h2 className="sidebar-heading" id="sidebar-tags">Tags</h2>
          <ul className="sidebar-list" aria-labelledby="sidebar-tags">
            {tags.data?.map((tag) => (
              <li key={tag.id}>
                {/* The tag filter on the board shown now (a project, or a view across all of them). */}
                <Link href={`${pathname}?tag=${tag.id}`} className="sidebar-link">
                  <span className="tag-dot" style={{ background: tag.color ?? "var(--text-3)" }} aria-hidden="true" />
                  <span className="sidebar-label">#{tag.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <ProjectFormDialog open={creating} onClose={() => setCreating(false)} onCreated={(p) => router.push(`/projects/${p.id}`)} />
    </nav>
  );
}
