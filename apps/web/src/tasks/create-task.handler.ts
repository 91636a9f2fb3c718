// task.create: inserts the task and its task.created event in one transaction.
import { randomUUID } from "node:crypto";
import { insertTask, type Db } from "@taskboard/db";
import { taskCreated, type TTaskSnapshot } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import type { TCreateTask } from "./create-task.schema";
import { recordTaskEvent } from "./task-outbox";
import { toTaskSnapshot } from "./task-snapshot";
import { resolveTaskPlacement } from "./task-placement";
import { resolveTaskTagIds } from "./task-tags";

export interface CreateTaskOptions {
  db: Db;
  user: TSessionUser;
  input: TCreateTask;
}

export async function createTask({ db, user, input }: CreateTaskOptions): Promise<TTaskSnapshot> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const id = randomUUID();
    const placement = await resolveTaskPlacement(tx, { userId: user.id, wanted: input });
    const tagIds = await resolveTaskTagIds(tx, { userId: user.id, tagIds: input.tagIds, tagNames: input.tagNames });
    const recurring = input.rrule != null;
    const dueAt = input.dueAt ? new Date(input.dueAt) : null;
    const row = await insertTask(tx, {
      id,
      userId: user.id,
      now,
      tagIds,
      data: {
        title: input.title,
        description: input.description ?? "",
        priority: input.priority ?? "NONE",
        dueAt,
        // "All day" means nothing without a day.
        allDay: dueAt ? (input.allDay ?? false) : false,
        timeZone: input.timeZone ?? "UTC",
        remindAt: input.remindAt ? new Date(input.remindAt) : null,
        remindBeforeMinutes: input.remindBeforeMinutes ?? null,
        rrule: input.rrule ?? null,
        recurrenceMode: recurring ? (input.recurrenceMode ?? "FIXED") : null,
        seriesId: recurring ? randomUUID() : null,
        // The series' DTSTART: every later occurrence is computed from it.
        seriesStartAt: recurring ? dueAt : null,
        ...placement,
      },
    });
    const task = toTaskSnapshot(row);
    await recordTaskEvent(tx, taskCreated, { taskId: id, actorId: user.id, data: { task }, now });
    return task;
  });
}
