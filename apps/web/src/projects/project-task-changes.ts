// One change to many tasks of a project at once, each with its own task event (partitioned by the
// task's creator like every task event): a removed member's tasks unassigned, a deleted section's
// tasks moved or deleted. The caller has checked access and locked the rows it read.
import { updateTasksTogether, type TaskRow, type Tx } from "@taskboard/db";
import { taskDeleted } from "@taskboard/events";
import { recordTaskEvents } from "@/tasks/task-outbox";
import { toTaskSnapshot } from "@/tasks/task-snapshot";
import { recordTaskUpdates } from "@/tasks/task-updates";

type TTaskBatchData = Parameters<typeof updateTasksTogether>[1]["data"];

async function applyToTasks(tx: Tx, params: { tasks: readonly TaskRow[]; data: TTaskBatchData; now: Date }) {
  const after = await updateTasksTogether(tx, { ids: params.tasks.map((task) => task.id), data: params.data, now: params.now });
  const byId = new Map(after.map((row) => [row.id, row]));
  return params.tasks.flatMap((before) => {
    const row = byId.get(before.id);
    return row ? [{ before, after: row }] : [];
  });
}

/** Sets `data` on each task and writes a task.updated per task. */
export async function updateTasksWithEvents(
  tx: Tx,
  params: { tasks: readonly TaskRow[]; data: TTaskBatchData; actorId: string; now: Date },
): Promise<void> {
  const changes = await applyToTasks(tx, params);
  await recordTaskUpdates(tx, { actorId: params.actorId, now: params.now, changes });
}

/** Soft-deletes each task (out of its section, so a restore puts it under "No section") with a task.deleted per task. */
export async function deleteTasksWithEvents(tx: Tx, params: { tasks: readonly TaskRow[]; actorId: string; now: Date }): Promise<void> {
  const changes = await applyToTasks(tx, { tasks: params.tasks, data: { deletedAt: params.now, sectionId: null }, now: params.now });
  await recordTaskEvents(tx, taskDeleted, {
    actorId: params.actorId,
    now: params.now,
    events: changes.map(({ after }) => ({ taskId: after.id, data: { task: toTaskSnapshot(after) } })),
  });
}
