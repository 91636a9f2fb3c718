// task.move: drag and drop on the board, within a column, between columns (sections) or to another
// project: one placement change through task.update, so it is checked like any placement
// (task-placement.ts) and writes one task.updated (changedFields: what moved).
import type { Db } from "@taskboard/db";
import type { TTaskSnapshot } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import type { TMoveTask } from "./move-task.schema";
import { updateTask } from "./update-task.handler";

export interface MoveTaskOptions {
  db: Db;
  user: TSessionUser;
  input: TMoveTask;
}

export function moveTask({ db, user, input }: MoveTaskOptions): Promise<TTaskSnapshot> {
  const { id, expectedVersion, projectId, sectionId, position } = input;
  return updateTask({ db, user, input: { id, expectedVersion, patch: { projectId, sectionId, position } } });
}
