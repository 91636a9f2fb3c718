"use client";
// A section's heading, in the list and above a kanban column: its name and task count, and for
// members who may write, rename inline, move it one place (up/down in the list, left/right on the
// board) and delete it; on the board a grip before the name drags the whole column. "No section"
// is a heading only.
import { useState, type KeyboardEvent, type ReactNode } from "react";
import { ArrowDownIcon, ArrowLeftIcon, ArrowRightIcon, ArrowUpIcon, PencilIcon, TrashIcon } from "@/components/icons";
import { PROJECT_LIMITS } from "@taskboard/events";
import type { SectionGroup } from "../group-tasks";
import { isOptimistic } from "../use-task-actions";
import type { SectionEditing } from "./use-section-editing";
import styles from "./sections.module.css";

type Props = {
  group: SectionGroup;
  headingId: string;
  layout: "list" | "board";
  /** Absent for a viewer: the heading shows no actions. */
  editing?: SectionEditing | undefined;
  /** On the board, the grip that drags the section's column (kanban-column.tsx). */
  grip?: ReactNode;
};

export function SectionHeader({ group, headingId, layout, editing, grip }: Props) {
  const [renaming, setRenaming] = useState(false);
  const section = group.section;
  const count = group.tasks.length;
  const [back, forward] = layout === "board" ? (["left", "right"] as const) : (["up", "down"] as const);
  const saving = section ? isOptimistic(section) : false;

  const finishRename = (value: string) => {
    setRenaming(false);
    const name = value.trim();
    if (section && editing && name && name !== section.name) editing.rename(section, name);
  };
  const onRenameKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      finishRename(e.currentTarget.value);
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      setRenaming(false);
    }
  };

  return (
    <div className={styles.header}>
      {renaming && section ? (
        <input
          className={styles.renameInput}
          defaultValue={section.name}
          maxLength={PROJECT_LIMITS.sectionName}
          aria-label={`New name for section “${section.name}”`}
          autoFocus
          onKeyDown={onRenameKey}
          onBlur={(e) => finishRename(e.currentTarget.value)}
        />
      ) : (
        <h2 id={headingId} className={`group-heading ${styles.title}`}>
          {grip}
          {group.label} <span className="group-count" aria-label={`${count} ${count === 1 ? "task" : "tasks"}`}>{count}</span>
        </h2>
      )}
      {section && editing && !renaming && (
        <div className={styles.actions}>
          <button type="button" className="icon-button" disabled={saving} onClick={() => setRenaming(true)} aria-label={`Rename section “${section.name}”`}>
            <PencilIcon />
          </button>
          <button type="button" className="icon-button" disabled={saving || !editing.canMove(section, -1)} onClick={() => editing.move(section, -1)} aria-label={`Move section “${section.name}” ${back}`}>
            {layout === "board" ? <ArrowLeftIcon /> : <ArrowUpIcon />}
          </button>
          <button type="button" className="icon-button" disabled={saving || !editing.canMove(section, 1)} onClick={() => editing.move(section, 1)} aria-label={`Move section “${section.name}” ${forward}`}>
            {layout === "board" ? <ArrowRightIcon /> : <ArrowDownIcon />}
          </button>
          <button type="button" className="icon-button danger" disabled={saving} onClick={() => editing.askDelete(section, count)} aria-label={`Delete section “${section.name}”`}>
            <TrashIcon />
          </button>
        </div>
      )}
    </div>
  );
}
