// The shared shape of complete / reopen / delete / restore: load the task, and unless it is
// already in the target state, change it with a version guard and write the transition's event
// in the same transaction. Repeating a transition is an idempotent no-op (no new version, no
// event), so a double click or two tabs completing the same task cannot emit two completions.
import type { Db, TaskRow, TaskWriteData } from "@taskboard/db";
import type { EventDefinition, TTaskSnapshot } from "@taskboard/events";
import { z } from "zod";
import type { TSessionUser } from "@/server/session-user";
import { ZExpectedVersionSchema, ZTaskIdSchema } from "./task-fields";
import { recordTaskEvent } from "./task-outbox";
import { toTaskSnapshot } from "./task-snapshot";
import { loadTaskForChange, writeTaskAtVersion } from "./task-versions";

/** Input of every transition: the task and, optionally, the version the client saw. */
export const ZTaskTransitionSchema = z.strictObject({
  id: ZTaskIdSchema,
  expectedVersion: ZExpectedVersionSchema.optional(),
});
export type TTaskTransition = z.infer<typeof ZTaskTransitionSchema>;

export interface TaskTransition {
  event: EventDefinition;
  /** Whether a soft-deleted task can take this transition (only delete and restore). */
  allowDeleted: boolean;
  isAlreadyDone: (row: TaskRow) => boolean;
  change: (now: Date) => TaskWriteData;
}

export interface TaskTransitionOptions {
  db: Db;
  user: TSessionUser;
  input: TTaskTransition;
}

export async function runTaskTransition(
  { db, user, input }: TaskTransitionOptions,
  transition: TaskTransition,
): Promise<TTaskSnapshot> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const current = await loadTaskForChange(tx, {
      userId: user.id,
      id: input.id,
      expectedVersion: input.expectedVersion,
      allowDeleted: transition.allowDeleted,
    });
    if (transition.isAlreadyDone(current)) return toTaskSnapshot(current);
    const task = toTaskSnapshot(await writeTaskAtVersion(tx, { current, data: transition.change(now), now }));
    await recordTaskEvent(tx, transition.event, { taskId: task.id, actorId: user.id, data: { task }, now });
    return task;
  });
}
