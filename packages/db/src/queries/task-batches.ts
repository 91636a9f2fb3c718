// One change applied to many tasks at once (a section's tasks moved or deleted, a removed
// member's tasks unassigned). The caller checked access and writes one task event per task.
import type { Tx } from "../client.ts";
import { taskRowSelect, type TaskRow } from "./tasks.ts";

/** Sets the same fields on each of these tasks with a new version; returns them as they are now. */
export async function updateTasksTogether(
  tx: Tx,
  params: { ids: readonly string[]; data: { sectionId?: string | null; assigneeId?: null; deletedAt?: Date }; now: Date },
): Promise<TaskRow[]> {
  if (params.ids.length === 0) return [];
  const ids = [...params.ids];
  await tx.task.updateMany({ where: { id: { in: ids } }, data: { ...params.data, updatedAt: params.now, version: { increment: 1 } } });
  return tx.task.findMany({ where: { id: { in: ids } }, select: taskRowSelect, orderBy: { id: "asc" } });
}
