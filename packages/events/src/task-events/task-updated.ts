import { z } from "zod";
import { defineEvent } from "../define-event.ts";
import { TOPICS } from "../topics.ts";
import { ZTaskSnapshotSchema } from "./task-snapshot.ts";

export const taskUpdated = defineEvent({
  type: "task.updated",
  topic: TOPICS.taskEvents,
  version: 1,
  data: z.object({
    previous: ZTaskSnapshotSchema,
    task: ZTaskSnapshotSchema,
    /** Names of the snapshot fields whose value changed. */
    changedFields: z.array(z.string()).min(1),
  }),
});
