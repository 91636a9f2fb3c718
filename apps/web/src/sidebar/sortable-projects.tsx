"use client";
// The active projects as a sortable list (dnd-kit): a drop puts the project between its new
// neighbours (project-order.ts) and is announced to screen readers by name.
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { ProjectView } from "@/projects/ui/project-types";
import { positionAtIndex } from "./project-order";
import { SortableProjectItem } from "./sortable-project-item";

type SortableProjectsProps = {
  projects: ProjectView[];
  currentPath: string;
  onPosition: (project: ProjectView, position: number) => void;
  onMove: (project: ProjectView, step: -1 | 1) => void;
};

export function SortableProjects({ projects, currentPath, onPosition, onMove }: SortableProjectsProps) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const nameOf = (id: unknown) => projects.find((p) => p.id === id)?.name ?? "project";

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const from = projects.findIndex((p) => p.id === active.id);
    const to = projects.findIndex((p) => p.id === over.id);
    const project = projects[from];
    if (!project || to < 0) return;
    const position = positionAtIndex(projects.map((p) => p.position), from, to);
    if (position !== null) onPosition(project, position);
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements: {
          onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}.`,
          onDragOver: ({ active, over }) => (over ? `${nameOf(active.id)} is over ${nameOf(over.id)}.` : `${nameOf(active.id)} is not over a place.`),
          onDragEnd: ({ active, over }) => (over ? `${nameOf(active.id)} dropped at ${nameOf(over.id)}.` : `${nameOf(active.id)} dropped.`),
          onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`,
        },
      }}
    >
      <SortableContext items={projects.map((p) => p.id)} strategy={verticalListSortingStrategy}>
        <ul className="sidebar-list" aria-labelledby="sidebar-projects">
          {projects.map((project) => (
            <SortableProjectItem key={project.id} project={project} current={currentPath === `/projects/${project.id}`} onMove={onMove} />
          ))}
        </ul>
      </SortableContext>
    </DndContext>
  );
}
