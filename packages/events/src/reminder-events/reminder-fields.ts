// What every reminder event says about its reminder. Small on purpose (docs/traps.md #19): ids and
// instants, plus the title so a notification can be shown without another read.
import { z } from "zod";
import { TASK_LIMITS } from "../task-events/task-snapshot.ts";

const isoInstant = z.iso.datetime({ offset: true });

export const ZReminderFieldsSchema = z.object({
  taskId: z.uuid(),
  /** The task version the reminder was computed from. */
  taskVersion: z.number().int().positive(),
  /** The bus job carrying the reminder: `reminder:<taskId>:<fireAt epoch ms>`. */
  jobName: z.string().min(1).max(200),
  fireAt: isoInstant,
  title: z.string().min(1).max(TASK_LIMITS.title),
});
