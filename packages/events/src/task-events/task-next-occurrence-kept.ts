// Reopening a completed recurring task retracts the next occurrence its completion created
// (task.deleted, caused by the reopen) unless that occurrence changed since: then it is kept, and
// this event says so, for the history and the person who reopened. Only the recurrence consumer
// emits it; consumers of task state (sync, reminders) do not subscribe, as no task changed.
import { z } from "zod";
import { defineEvent } from "../define-event.ts";
import { TOPICS } from "../topics.ts";
import { ZTaskSnapshotSchema } from "./task-snapshot.ts";

export const taskNextOccurrenceKept = defineEvent({
  type: "task.next-occurrence-kept",
  topic: TOPICS.taskEvents,
  version: 1,
  data: z.object({
    /** The reopened task, as the reopen left it. */
    task: ZTaskSnapshotSchema,
    /** The occurrence its completion created, as it is now (changed since it was created). */
    next: ZTaskSnapshotSchema,
  }),
});
