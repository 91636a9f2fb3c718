"use client";
// One project's tasks on its board. This version shows them as the list; the kanban view (one
// column per section) takes its place where the project is shown as a board.
import type { ComponentProps } from "react";
import type { ProjectView } from "@/projects/ui/project-types";
import { TaskList } from "./cards/task-list";

type ProjectTasksProps = ComponentProps<typeof TaskList> & { project: ProjectView };

export function ProjectTasks(props: ProjectTasksProps) {
  const { project, ...list } = props;
  return <TaskList {...list} readOnly={list.readOnly || project.role === "VIEWER"} />;
}
