"use client";
// One column of the board: a section (or "No section") with its cards in position order. The
// column itself is a drop target, so an empty column takes cards too.
import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useId } from "react";
import type { SectionGroup } from "../group-tasks";
import { SectionHeader } from "../sections/section-header";
import type { SectionEditing } from "../sections/use-section-editing";
import type { Task } from "../types";
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
  return (
    <section className={`${styles.column}${isOver ? ` ${styles.over}` : ""}`} aria-labelledby={headingId} data-column={group.label}>
      <SectionHeader group={group} headingId={headingId} layout="board" editing={editing} />
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
