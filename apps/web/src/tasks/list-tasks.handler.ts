// task.list: one page of the live tasks of the user's projects (or of one of them), filtered and
// sorted, with the cursor of the next.
import { listTasksForUser, taskListKeyOf, type Db } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";
import { DEFAULT_DIRECTION, type TListTasks, type TTaskPage } from "./list-tasks.schema";
import { decodeTaskCursor, encodeTaskCursor } from "./task-list-cursor";
import { resolveTaskListScope } from "./task-list-scope";
import { toTaskSnapshot } from "./task-snapshot";

export interface ListTasksOptions {
  db: Db;
  user: TSessionUser;
  input: TListTasks;
}

export async function listTasks({ db, user, input }: ListTasksOptions): Promise<TTaskPage> {
  const direction = input.sortDirection ?? DEFAULT_DIRECTION[input.sort];
  const after = input.cursor ? decodeTaskCursor(input.cursor, input.sort, direction) : null;
  const scope = await resolveTaskListScope(db, { userId: user.id, projectId: input.projectId, sectionId: input.sectionId });
  // One row more than asked tells whether another page exists.
  const rows = await listTasksForUser(db, {
    userId: user.id,
    scope,
    filter: {
      sectionId: input.sectionId,
      assigneeId: input.assignedToMe ? user.id : undefined,
      status: input.status,
      priorities: input.priorities,
      tagIds: input.tagIds,
      dueFrom: input.dueFrom ? new Date(input.dueFrom) : undefined,
      dueTo: input.dueTo ? new Date(input.dueTo) : undefined,
      overdue: input.overdue,
      search: input.search || undefined,
    },
    sort: input.sort,
    direction,
    after,
    limit: input.limit + 1,
    now: new Date(),
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last ? encodeTaskCursor(input.sort, direction, taskListKeyOf(last, input.sort)) : null;
  return { items: page.map(toTaskSnapshot), nextCursor };
}
