"use client";
// A project's list view: the task list grouped by section ("No section" first), each section's
// heading with its actions for members who may write, and a form to add a section. A project with
// no sections (every Inbox at first) keeps the board's grouping by due day or status instead of
// one "No section" heading over everything.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "@/trpc/client";
import { TaskList } from "../cards/task-list";
import { isSectionGroup, type GroupBy } from "../group-tasks";
import type { Section, Task, TaskListInput } from "../types";
import { AddSectionForm } from "./add-section-form";
import { SectionHeader } from "./section-header";
import { useSectionEditing } from "./use-section-editing";

type Props = {
  projectId: string;
  input: TaskListInput;
  zone: string;
  tagColors: Map<string, string | null>;
  readOnly: boolean;
  hasFilters: boolean;
  onClearFilters: () => void;
  onToggle: (task: Task) => void;
  onEdit: (task: Task) => void;
  onDelete: (task: Task) => void;
  onReorder?: ((task: Task, position: number) => void) | undefined;
  groupBy: GroupBy;
};

export function SectionedList({ projectId, readOnly, onReorder, ...list }: Props) {
  const trpc = useTRPC();
  const sectionsQuery = useQuery(trpc.section.list.queryOptions({ projectId }));
  const sections = useMemo(() => (sectionsQuery.data ?? []) as Section[], [sectionsQuery.data]);
  const { editing, dialog } = useSectionEditing(projectId, sections);

  return (
    <>
      <TaskList
        {...list}
        sections={sections.length > 0 ? sections : undefined}
        readOnly={readOnly}
        onReorder={readOnly ? undefined : onReorder}
        renderHeading={(group, headingId) =>
          isSectionGroup(group) ? (
            <SectionHeader group={group} headingId={headingId} layout="list" editing={readOnly ? undefined : editing} />
          ) : null
        }
      />
      {!readOnly && <AddSectionForm onAdd={editing.add} />}
      {dialog}
    </>
  );
}
