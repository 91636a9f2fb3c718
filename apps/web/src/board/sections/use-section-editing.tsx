"use client";
// What the section headings do, for the list and the board alike: rename, move one place (to a
// position between the new neighbours), add at the end, and delete after asking what becomes of
// the section's tasks.
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
  askDelete: (section: Section, taskCount: number) => void;
};

/** The position that moves `section` one place back (-1) or forward (+1), or null at an end. */
export function movedSectionPosition(sections: Section[], section: Section, step: -1 | 1): number | null {
  const sorted = sortSections(sections);
  const index = sorted.findIndex((s) => s.id === section.id);
  const target = index + step;
  if (index < 0 || target < 0 || target >= sorted.length) return null;
  return dropPosition(sorted.filter((s) => s.id !== section.id), target);
}

export function useSectionEditing(projectId: string, sections: Section[]): { editing: SectionEditing; dialog: ReactNode } {
  const actions = useSectionActions(projectId);
  const [deleting, setDeleting] = useState<{ section: Section; taskCount: number } | null>(null);

  const editing: SectionEditing = {
    add: (name) => actions.create.mutate({ projectId, name }),
    rename: (section, name) => actions.update.mutate({ id: section.id, expectedVersion: section.version, patch: { name } }),
    canMove: (section, step) => movedSectionPosition(sections, section, step) !== null,
    move: (section, step) => {
      const position = movedSectionPosition(sections, section, step);
      if (position !== null) actions.update.mutate({ id: section.id, expectedVersion: section.version, patch: { position } });
    },
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
