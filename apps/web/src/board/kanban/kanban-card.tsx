"use client";
// A task card on the board, sortable within and between columns by its drag handle (mouse,
// touch or keyboard). A viewer's card has no handle.
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { GripIcon } from "@/components/icons";
import { TaskCard } from "../cards/task-card";
import type { Task } from "../types";
import { isOptimistic } from "../use-task-actions";
import styles from "./kanban.module.css";

type Props = {
  task: Task;
  now: Date;
  zone: string;
  tagColors: Map<string, string | null>;
  readOnly: boolean;
  onToggle: (task: Task) => void;
  onEdit: (task: Task) => void;
  onDelete: (task: Task) => void;
};

export function KanbanCard({ task, readOnly, ...card }: Props) {
  const locked = readOnly || isOptimistic(task);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: task.id,
    disabled: locked,
    attributes: { roleDescription: "draggable task" },
  });
  return (
    <TaskCard
      {...card}
      task={task}
      readOnly={readOnly}
      containerRef={setNodeRef}
      // The card stays in place, faded, while its copy follows the pointer (DragOverlay).
      style={{ transform: CSS.Translate.toString(transform), transition, opacity: isDragging ? 0.4 : undefined }}
      isDragging={isDragging}
      dragHandle={
        !readOnly && (
          <button
            type="button"
            ref={setActivatorNodeRef}
            className={`icon-button ${styles.handle}`}
            data-drag-handle
            {...attributes}
            {...listeners}
            aria-label={`Drag “${task.title}”`}
            disabled={locked}
          >
            <GripIcon />
          </button>
        )
      }
    />
  );
}
