// Client-side view of the task API: the shapes the board renders and the filters it sends.
import type { TSectionSnapshot, TTaskSnapshot } from "@taskboard/events";

export type Task = Omit<TTaskSnapshot, "tags"> & { tags: TaskTag[] };
export type Section = TSectionSnapshot;
export type TaskTag = { id: string; name: string; color?: string | null };
export type Priority = TTaskSnapshot["priority"];
export type TaskStatus = TTaskSnapshot["status"];
export type RecurrenceMode = NonNullable<TTaskSnapshot["recurrenceMode"]>;

export const PRIORITIES: readonly Priority[] = ["URGENT", "HIGH", "MEDIUM", "LOW", "NONE"];

export const PRIORITY_LABEL: Record<Priority, string> = {
  URGENT: "Urgent",
  HIGH: "High",
  MEDIUM: "Medium",
  LOW: "Low",
  NONE: "No priority",
};

export type TaskSort = "due" | "priority" | "created" | "title" | "position";

export type TaskListInput = {
  /** One project's tasks (a board's scope); without it, across all of the user's projects. */
  projectId?: string;
  /** null: the tasks in no section. */
  sectionId?: string | null;
  assignedToMe?: boolean;
  status?: "OPEN" | "COMPLETED" | "ALL";
  priorities?: Priority[];
  tagIds?: string[];
  dueFrom?: string;
  dueTo?: string;
  overdue?: boolean;
  search?: string;
  sort?: TaskSort;
  sortDirection?: "asc" | "desc";
  limit?: number;
};
