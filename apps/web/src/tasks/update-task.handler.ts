// task.update: applies a patch with an optimistic version check and writes task.updated
// (previous + new snapshot + changed fields) in the same transaction. A patch that changes
// nothing returns the task as it is: no new version, no event.
import { findTaskForUser, replaceTaskTags, type Db } from "@taskboard/db";
import type { TTaskSnapshot } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import { planTaskPatch } from "./task-patch";
import { toTaskSnapshot } from "./task-snapshot";
import { resolveTaskPlacement } from "./task-placement";
import { resolveTaskTagIds } from "./task-tags";
import { recordTaskUpdate } from "./task-updates";
import { loadTaskForChange, taskNotFound, writeTaskAtVersion } from "./task-versions";
import type { TUpdateTask } from "./update-task.schema";

export interface UpdateTaskOptions {
  db: Db;
  user: TSessionUser;
  input: TUpdateTask;
}

export async function updateTask({ db, user, input }: UpdateTaskOptions): Promise<TTaskSnapshot> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const { patch } = input;
    const current = await loadTaskForChange(tx, {
      userId: user.id,
      id: input.id,
      expectedVersion: input.expectedVersion,
    });
    const placing = patch.projectId !== undefined || patch.sectionId !== undefined || patch.assigneeId !== undefined;
    const placement = placing ? await resolveTaskPlacement(tx, { userId: user.id, current, wanted: patch }) : undefined;
    const data = planTaskPatch(current, { ...patch, ...placement });

    let newTagIds: string[] | undefined;
    if (patch.tagIds !== undefined || patch.tagNames !== undefined) {
      const had = new Set(current.tags.map(({ tag }) => tag.id));
      const wanted = await resolveTaskTagIds(tx, { userId: user.id, tagIds: patch.tagIds, tagNames: patch.tagNames, attached: [...had] });
      const same = wanted.length === had.size && wanted.every((id) => had.has(id));
      if (!same) newTagIds = wanted;
    }
    if (Object.keys(data).length === 0 && newTagIds === undefined) return toTaskSnapshot(current);

    let row = await writeTaskAtVersion(tx, { current, data, now });
    if (newTagIds !== undefined) {
      await replaceTaskTags(tx, { taskId: current.id, tagIds: newTagIds });
      const withTags = await findTaskForUser(tx, { userId: user.id, id: current.id });
      if (!withTags) throw taskNotFound();
      row = withTags;
    }

    return recordTaskUpdate(tx, { actorId: user.id, before: current, after: row, now });
  });
}
