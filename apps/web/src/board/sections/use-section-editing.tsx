"use client";
// What the section headings do, for the list and the board alike: rename, move one place or, on
// the board, to where its column was dropped (to a position between the new neighbours), add at
// the end, and delete after asking what becomes of the section's tasks.
import { useState, type ReactNode } from "react";
import { dropPosition } from "../drop-position";
import type { Section } from "../types";
import { DeleteSectionDialog } from "./delete-section-dialog";
import { sortSections, useSectionActions, type DeleteChoice } from "./use-section-actions";

export type SectionEditing = {
  add: (name: string) => void;
  rename: (section: Section, name: string) => void;
  canMove: (section: Section, step: -1 | 1) => boolean;
  move: (section: Section, step: -1 | 1) => void;
  /** Puts `section` at `index` of the sections in order (a dropped column). */
  moveTo: (section: Section, index: number) => void;
  askDelete: (section: Section, taskCount: number) => void;
};

/** The position that puts `section` at `index` of the sections in order, or null if it is already there. */
export function sectionPositionAt(sections: Section[], section: Section, index: number): number | null {
  const sorted = sortSections(sections);
  const from = sorted.findIndex((s) => s.id === section.id);
  if (from < 0 || index < 0 || index >= sorted.length || index === from) return null;
  return dropPosition(sorted.filter((s) => s.id !== section.id), index);
}

/** The position that moves `section` one place back (-1) or forward (+1), or null at an end. */
export function movedSectionPosition(sections: Section[], section: Section, step: -1 | 1): number | null {
  const index = sortSections(sections).findIndex((s) => s.id === section.id);
  return index < 0 ? null : sectionPositionAt(sections, section, index + step);
}

export function useSectionEditing(projectId: string, sections: Section[]): { editing: SectionEditing; dialog: ReactNode } {
  const actions = useSectionActions(projectId);
  const [deleting, setDeleting] = useState<{ section: Section; taskCount: number } | null>(null);

  const place = (section: Section, position: number | null) => {
    if (position !== null) actions.update.mutate({ id: section.id, expectedVersion: section.version, patch: { position } });
  };

  const editing: SectionEditing = {
    add: (name) => actions.create.mutate({ projectId, name }),
    rename: (section, name) => actions.update.mutate({ id: section.id, expectedVersion: section.version, patch: { name } }),
    canMove: (section, step) => movedSectionPosition(sections, section, step) !== null,
    move: (section, step) => place(section, movedSectionPosition(sections, section, step)),
    moveTo: (section, index) => place(section, sectionPositionAt(sections, section, index)),
    askDelete: (section, taskCount) => setDeleting({ section, taskCount }),
  };

  const dialog = deleting && (
    <DeleteSectionDialog
      section={deleting.section}
      taskCount={deleting.taskCount}
      otherSections={sortSections(sections).filter((s) => s.id !== deleting.section.id)}
      onCancel={() => setDeleting(null)}
      onConfirm={(choice: DeleteChoice) => {
        actions.remove.mutate({ id: deleting.section.id, tasks: choice });
        setDeleting(null);
      }}
    />
  );
  return { editing, dialog };
}
