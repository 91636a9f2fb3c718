"use client";
// An active project in the sidebar, sortable by its handle: mouse, touch, or Space then the arrows.
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { ProjectView } from "@/projects/ui/project-types";
import { SidebarProjectLink } from "./sidebar-project-item";

type SortableProjectItemProps = {
  project: ProjectView;
  current: boolean;
  onMove: (project: ProjectView, step: -1 | 1) => void;
};

export function SortableProjectItem({ project, current, onMove }: SortableProjectItemProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: project.id,
    attributes: { roleDescription: "sortable project" },
  });
  return (
    <li
      ref={setNodeRef}
      className="sidebar-item"
      style={{ transform: CSS.Translate.toString(transform), transition: transition, opacity: isDragging ? 0.5 : undefined }}
    >
      <SidebarProjectLink project={project} current={current} onMove={onMove} />
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="sidebar-handle"
        {...attributes}
        {...listeners}
        aria-label={`Reorder “${project.name}”`}
      >
        <span aria-hidden="true">⋮⋮</span>
      </button>
    </li>
  );
}
