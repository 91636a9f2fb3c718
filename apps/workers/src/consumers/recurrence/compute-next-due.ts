// The completed task's next due instant, from its snapshot and the series' bookkeeping.
import { occurrenceNumber, type Tx } from "@taskboard/db";
import type { TTaskSnapshot } from "@taskboard/events";
import { nextOccurrence, parseRrule, RecurrenceError } from "@taskboard/recurrence";
import { PermanentError } from "../../runtime/errors.ts";

const toDate = (iso: string | null | undefined) => (iso ? new Date(iso) : null);

/** Null when the series is over. A rule that cannot be expanded is a PermanentError (retrying will not help). */
export async function computeNextDue(tx: Tx, completed: TTaskSnapshot): Promise<Date | null> {
  const rrule = completed.rrule ?? "";
  try {
    const needsCount = parseRrule(rrule).count !== undefined;
    return nextOccurrence({
      rrule,
      mode: completed.recurrenceMode ?? "FIXED",
      dueAt: toDate(completed.dueAt),
      seriesStart: toDate(completed.seriesStartAt),
      allDay: completed.allDay,
      timeZone: completed.timeZone,
      completedAt: new Date(completed.completedAt ?? Date.now()),
      occurrenceNumber: needsCount
        ? await occurrenceNumber(tx, {
            userId: completed.userId,
            seriesId: completed.seriesId ?? "",
            createdAt: new Date(completed.createdAt),
          })
        : undefined,
    });
  } catch (error) {
    if (error instanceof RecurrenceError) throw new PermanentError(`task ${completed.id}: ${error.message}`);
    throw error;
  }
}
