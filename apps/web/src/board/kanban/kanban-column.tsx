"use client";
// One column of the board: a section (or "No section") with its cards in position order. The
// column itself is a drop target, so an empty column takes cards too. A section's column can be
// dragged to another place by the grip in its heading (the arrow buttons do the same from the
// keyboard); "No section" stays first.
import { useDroppable } from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useId, type PointerEventHandler } from "react";
import { GripIcon } from "@/components/icons";
import type { SectionGroup } from "../group-tasks";
import { SectionHeader } from "../sections/section-header";
import type { SectionEditing } from "../sections/use-section-editing";
import type { Task } from "../types";
import { isOptimistic } from "../use-task-actions";
import { COLUMN_DRAG_DATA, columnDragId } from "./column-drag";
import { KanbanCard } from "./kanban-card";
import styles from "./kanban.module.css";

type Props = {
  group: SectionGroup;
  now: Date;
  zone: string;
  tagColors: Map<string, string | null>;
  readOnly: boolean;
  editing: SectionEditing | undefined;
  onToggle: (task: Task) => void;
  onEdit: (task: Task) => void;
  onDelete: (task: Task) => void;
};

export function KanbanColumn({ group, editing, readOnly, ...card }: Props) {
  const headingId = useId();
  const { setNodeRef, isOver } = useDroppable({ id: group.key, disabled: readOnly });
  const section = group.section;
  const { listeners, setNodeRef: setColumnRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: columnDragId(section?.id ?? "none"),
    data: COLUMN_DRAG_DATA,
    disabled: readOnly || !section || isOptimistic(section),
  });
  // The grip is for the pointer only: from the keyboard the heading's arrow buttons move the
  // column, and a second, keyboard-lifted way would only add a tab stop per column.
  const { onPointerDown } = (listeners ?? {}) as { onPointerDown?: PointerEventHandler };
  const grip = section && !readOnly && editing && (
    <span
      ref={setActivatorNodeRef}
      className={`icon-button ${styles.handle} ${styles.columnGrip}`}
      data-column-grip
      title={`Drag to move section “${section.name}”`}
      aria-hidden="true"
      onPointerDown={onPointerDown}
    >
      <GripIcon />
    </span>
  );
  return (
    <section
      ref={section ? setColumnRef : undefined}
      className={`${styles.column}${isOver ? ` ${styles.over}` : ""}`}
      style={{ transform: CSS.Translate.toString(transform), transition, opacity: isDragging ? 0.4 : undefined }}
      aria-labelledby={headingId}
      data-column={group.label}
    >
      <SectionHeader group={group} headingId={headingId} layout="board" editing={editing} grip={grip} />
      <SortableContext id={group.key} items={group.tasks.map((t) => t.id)} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} className={`task-cards ${styles.cards}`} aria-label={`${group.label} tasks`}>
          {group.tasks.map((task) => (
            <KanbanCard key={task.id} task={task} readOnly={readOnly} {...card} />
          ))}
        </ul>
      </SortableContext>
    </section>
  );
}
