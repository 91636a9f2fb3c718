"use client";
// One project's tasks on its board. This version shows them as the list; the kanban view (one
// column per section) takes its place where the project is shown as a board.
import type { ProjectView } from "@/projects/ui/project-types";
import { TaskList, type TaskListProps } from "./cards/task-list";

export type ProjectTasksProps = TaskListProps & { project: ProjectView };

export function ProjectTasks({ project: _project, ...list }: ProjectTasksProps) {
  return <TaskList {...list} />;
}
