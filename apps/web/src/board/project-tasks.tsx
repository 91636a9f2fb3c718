"use client";
// A project's tasks: the List / Kanban switch (remembered per project for this member) and either
// the list grouped by section or the kanban board. Rendered by the board page for a project.
import { KanbanBoard } from "./kanban/kanban-board";
import { SectionedList } from "./sections/sectioned-list";
import type { GroupBy } from "./group-tasks";
import type { Task, TaskListInput } from "./types";
import { useProjectView, type ProjectViewMode } from "./views/use-project-view";
import { ViewSwitch } from "./views/view-switch";

/** The parts of project.get / project.list's view this needs. */
export type ProjectTasksProject = { id: string; role: "OWNER" | "EDITOR" | "VIEWER"; view: ProjectViewMode };

export type ProjectTasksProps = {
  project: ProjectTasksProject;
  /** task.list input, already scoped to the project. */
  input: TaskListInput;
  zone: string;
  tagColors: Map<string, string | null>;
  onToggle: (task: Task) => void;
  onEdit: (task: Task) => void;
  onDelete: (task: Task) => void;
  /** A viewer's board (the project's role decides too). */
  readOnly?: boolean | undefined;
  hasFilters?: boolean | undefined;
  onClearFilters?: (() => void) | undefined;
  /** Manual order in the list view (Move up/down, Alt+↑/↓). */
  onReorder?: ((task: Task, position: number) => void) | undefined;
  /** The board's grouping (due day or status), used while the project has no sections. */
  groupBy?: GroupBy | undefined;
};

export function ProjectTasks({ project, input, readOnly, hasFilters = false, onClearFilters = () => {}, onReorder, groupBy = "due", ...cards }: ProjectTasksProps) {
  const { view, choose } = useProjectView(project);
  const locked = Boolean(readOnly) || project.role === "VIEWER";
  return (
    <>
      <ViewSwitch view={view} onChange={choose} />
      {view === "KANBAN" ? (
        <KanbanBoard projectId={project.id} input={input} readOnly={locked} {...cards} />
      ) : (
        <SectionedList
          projectId={project.id}
          input={input}
          readOnly={locked}
          hasFilters={hasFilters}
          onClearFilters={onClearFilters}
          onReorder={onReorder}
          groupBy={groupBy}
          {...cards}
        />
      )}
    </>
  );
}
