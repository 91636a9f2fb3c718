"use client";
// One task on the board: a list item that keyboard shortcuts can focus, with a checkbox to complete
// it and chips for when, how often, reminder, priority and tags.
import { memo, useId, type CSSProperties, type ReactNode, type Ref } from "react";
import { ArrowDownIcon, ArrowUpIcon, BellIcon, CalendarIcon, FlagIcon, PencilIcon, RepeatIcon, TrashIcon } from "@/components/icons";
import { TagChip } from "@/components/tag-chip";
import { formatDue, isOverdue } from "../due-dates";
import { describeRecurrence } from "../recurrence-rule";
import { describeReminder } from "../reminder-text";
import { PRIORITY_LABEL, type Task } from "../types";
import { isOptimistic } from "../use-task-actions";

type TaskCardProps = {
  task: Task;
  now: Date;
  zone: string;
  tagColors: Map<string, string | null>;
  onToggle: (task: Task) => void;
  onEdit: (task: Task) => void;
  onDelete: (task: Task) => void;
  /** Present when the board is in manual order: move one place up (-1) or down (+1). */
  onMove?: ((task: Task, step: -1 | 1) => void) | undefined;
  /** A viewer's card: no completing or deleting (the editor opens read-only). */
  readOnly?: boolean | undefined;
  /** Kanban: the card's node for drag and drop, its moving style, and the handle to drag it by. */
  containerRef?: Ref<HTMLLIElement> | undefined;
  style?: CSSProperties | undefined;
  dragHandle?: ReactNode;
  isDragging?: boolean | undefined;
};

export const TaskCard = memo(function TaskCard(props: TaskCardProps) {
  const { task, now, zone, tagColors, onToggle, onEdit, onDelete, onMove, readOnly, containerRef, style, dragHandle, isDragging } = props;
  const titleId = useId();
  const metaId = useId();
  const done = task.status === "COMPLETED";
  const overdue = isOverdue(task, now, zone);
  const due = formatDue(task, now, zone);
  const repeat = describeRecurrence(task.rrule);
  const reminder = describeReminder(task, zone);
  const saving = isOptimistic(task);
  const firstLine = task.description.split("\n").find((l) => l.trim())?.replace(/[#>*_`]/g, "").trim();

  return (
    <li
      ref={containerRef}
      style={style}
      className={`task-card priority-${task.priority.toLowerCase()}${done ? " is-done" : ""}${saving ? " is-saving" : ""}${isDragging ? " is-dragging" : ""}`}
      data-task-id={task.id}
      tabIndex={-1}
      aria-labelledby={titleId}
      aria-describedby={metaId}
      aria-busy={saving || undefined}
      onKeyDown={(e) => {
        if (!onMove || !e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
        e.preventDefault();
        onMove(task, e.key === "ArrowUp" ? -1 : 1);
      }}
    >
      {dragHandle}
      <input
        type="checkbox"
        className="task-check"
        checked={done}
        disabled={saving || readOnly}
        onChange={() => onToggle(task)}
        aria-label={done ? `Reopen “${task.title}”` : `Complete “${task.title}”`}
      />
      <div className="task-main">
        <button type="button" id={titleId} className="task-title" onClick={() => onEdit(task)} disabled={saving}>
          {task.title}
        </button>
        {firstLine && <p className="task-excerpt">{firstLine}</p>}
        <div className="task-meta" id={metaId}>
          {due && (
            <span className={`chip due-chip${overdue ? " is-overdue" : ""}`}>
              <CalendarIcon />
              {overdue && <span className="visually-hidden">Overdue: </span>}
              <span>{due}</span>
            </span>
          )}
          {repeat && (
            <span className="chip repeat-chip" title={task.recurrenceMode === "FROM_COMPLETION" ? "Repeats from completion" : "Repeats on a fixed schedule"}>
              <RepeatIcon />
              <span>{repeat}</span>
            </span>
          )}
          {reminder && (
            <span className="chip reminder-chip">
              <BellIcon />
              <span className="visually-hidden">Reminder </span>
              <span>{reminder}</span>
            </span>
          )}
          {task.priority !== "NONE" && (
            <span className={`chip priority-chip priority-${task.priority.toLowerCase()}`}>
              <FlagIcon />
              <span>{PRIORITY_LABEL[task.priority]}</span>
            </span>
          )}
          {task.tags.map((tag) => (
            <TagChip key={tag.id} tag={{ name: tag.name, color: tag.color ?? tagColors.get(tag.id) ?? null }} />
          ))}
          {saving && <span className="chip muted-chip">Saving…</span>}
        </div>
      </div>
      <div className="task-actions">
        {onMove && (
          <>
            <button type="button" className="icon-button" onClick={() => onMove(task, -1)} aria-label={`Move “${task.title}” up`} disabled={saving}>
              <ArrowUpIcon />
            </button>
            <button type="button" className="icon-button" onClick={() => onMove(task, 1)} aria-label={`Move “${task.title}” down`} disabled={saving}>
              <ArrowDownIcon />
            </button>
          </>
        )}
        <button type="button" className="icon-button" onClick={() => onEdit(task)} aria-label={`Edit “${task.title}”`} disabled={saving}>
          <PencilIcon />
        </button>
        {!readOnly && (
          <button type="button" className="icon-button danger" onClick={() => onDelete(task)} aria-label={`Delete “${task.title}”`} disabled={saving}>
            <TrashIcon />
          </button>
        )}
      </div>
    </li>
  );
});
