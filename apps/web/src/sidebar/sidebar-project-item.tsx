"use client";
// One project in the sidebar: its colour dot and name, a link to its board. Alt+↑ / Alt+↓ on the
// link moves it in this member's own order (where `onMove` is given: active projects).
import Link from "next/link";
import type { ProjectView } from "@/projects/ui/project-types";

type SidebarProjectLinkProps = {
  project: ProjectView;
  current: boolean;
  onMove?: ((project: ProjectView, step: -1 | 1) => void) | undefined;
};

export function SidebarProjectLink({ project, current, onMove }: SidebarProjectLinkProps) {
  return (
    <Link
      href={`/projects/${project.id}`}
      className="sidebar-link"
      data-project-id={project.id}
      aria-current={current ? "page" : undefined}
      aria-keyshortcuts={onMove ? "Alt+ArrowUp Alt+ArrowDown" : undefined}
      onKeyDown={(e) => {
        if (!onMove || !e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
        e.preventDefault();
        onMove(project, e.key === "ArrowUp" ? -1 : 1);
      }}
    >
      <span className="project-dot" style={{ background: project.color }} aria-hidden="true" />
      <span className="sidebar-label">{project.name}</span>
      {project.memberCount > 1 && <span className="sidebar-count" aria-label={`shared with ${project.memberCount - 1} more`}>{project.memberCount}</span>}
    </Link>
  );
}

/** A plain (not sortable) entry: archived projects. */
export function SidebarProjectItem(props: SidebarProjectLinkProps) {
  return (
    <li className="sidebar-item">
      <SidebarProjectLink {...props} />
    </li>
  );
}
