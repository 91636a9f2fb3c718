// Who was just given a task: the assignee of a new task, or the new assignee of a changed one,
// unless they assigned it to themselves (nobody needs telling what they just did).
import type { TCloudEvent, TTaskSnapshot } from "@taskboard/events";

type TaskEvent = TCloudEvent<string, { task: TTaskSnapshot; previous?: TTaskSnapshot }>;

export function newAssignee(event: TaskEvent): string | null {
  const assignee = event.data.task.assigneeId ?? null;
  if (!assignee) return null;
  const actor = event.actorid ?? event.partitionkey;
  if (assignee === actor) return null;
  if (event.type === "task.created") return assignee;
  if (event.type === "task.updated" && (event.data.previous?.assigneeId ?? null) !== assignee) return assignee;
  return null;
}
