// What parseQuickAdd returns: the task fields it understood plus the spans it understood them
// from, so the input can highlight them. Browser-safe (no server imports).
import { z } from "zod";

export const QUICK_ADD_TOKEN_KINDS = ["date", "recurrence", "tag", "priority", "reminder"] as const;

export const ZQuickAddTokenSchema = z.object({
  kind: z.enum(QUICK_ADD_TOKEN_KINDS),
  /** The text as typed, `text === input.slice(start, end)`. */
  text: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});

export const ZQuickAddResultSchema = z
  .object({
    title: z.string().min(1).max(500),
    dueAt: z.iso.datetime({ offset: true }).nullable(),
    allDay: z.boolean(),
    priority: z.enum(["NONE", "LOW", "MEDIUM", "HIGH", "URGENT"]),
    tagNames: z.array(z.string().min(1).max(50)).max(20),
    rrule: z.string().max(500).nullable(),
    recurrenceMode: z.enum(["FIXED", "FROM_COMPLETION"]).nullable(),
    remindBeforeMinutes: z.number().int().nonnegative().nullable(),
    remindAt: z.iso.datetime({ offset: true }).nullable(),
    timeZone: z.string().min(1),
    tokens: z.array(ZQuickAddTokenSchema),
  })
  // The same invariants the tasks table enforces, so a preview never shows what cannot be saved.
  .refine((r) => r.remindAt === null || r.remindBeforeMinutes === null, "only one kind of reminder")
  .refine((r) => r.remindBeforeMinutes === null || r.dueAt !== null, "a relative reminder needs a due date")
  .refine((r) => (r.rrule === null) === (r.recurrenceMode === null), "a rule needs a mode")
  .refine((r) => !r.allDay || r.dueAt !== null, "an all-day task needs a due date");

export type TQuickAddToken = z.infer<typeof ZQuickAddTokenSchema>;
export type TQuickAddResult = z.infer<typeof ZQuickAddResultSchema>;
export type TQuickAddPriority = TQuickAddResult["priority"];
