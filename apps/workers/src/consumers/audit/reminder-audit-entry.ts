// A reminder event as an audit entry: the reminder as its snapshot, its instant as its one "field"
// (scheduled: before → after; cancelled: instant → none; fired: the instant it fired for).
import type { AuditDiffEntry, AuditEntryInput } from "@taskboard/db";
import type { EventData, reminderCancelled, reminderFired, reminderScheduled, TCloudEvent } from "@taskboard/events";
import { entryEnvelope } from "./entry-envelope.ts";

type ReminderEvent =
  | TCloudEvent<"reminder.scheduled", EventData<typeof reminderScheduled>>
  | TCloudEvent<"reminder.cancelled", EventData<typeof reminderCancelled>>
  | TCloudEvent<"reminder.fired", EventData<typeof reminderFired>>;

function reminderDiff(event: ReminderEvent): AuditDiffEntry[] {
  switch (event.type) {
    case "reminder.scheduled":
      return [{ field: "reminder", before: event.data.previousFireAt, after: event.data.fireAt }];
    case "reminder.cancelled":
      return [{ field: "reminder", before: event.data.fireAt, after: null }];
    case "reminder.fired":
      return [];
  }
}

/** `projectId`: the task's project now (reminder events name only the task). */
export function reminderAuditEntry(event: ReminderEvent, projectId: string | null): AuditEntryInput {
  return {
    ...entryEnvelope(event),
    taskId: event.data.taskId,
    projectId,
    version: event.data.taskVersion,
    previous: null,
    // The reminder's own state (task title, instant, job), not a task snapshot.
    snapshot: event.data,
    diff: reminderDiff(event),
  };
}
