import { z } from "zod";
import { defineEvent } from "../define-event.ts";
import { TOPICS } from "../topics.ts";
import { ZTaskSnapshotSchema } from "./task-snapshot.ts";

export const taskRestored = defineEvent({
  type: "task.restored",
  topic: TOPICS.taskEvents,
  version: 1,
  data: z.object({ task: ZTaskSnapshotSchema }),
});
