// What the next task of a series looks like: the completed task's content, moved to the next due
// instant, in the same project, section and hands (placement: see next-occurrence-placement.ts).
// A relative reminder is kept as is; an absolute one keeps its distance to the due date.
import type { TaskWriteData } from "@taskboard/db";
import type { TTaskSnapshot } from "@taskboard/events";

export interface NextOccurrencePlacement {
  projectId: string;
  sectionId: string | null;
  assigneeId: string | null;
  position: number;
}

export function nextOccurrenceData(
  completed: TTaskSnapshot,
  nextDueAt: Date,
  placement: NextOccurrencePlacement,
): TaskWriteData & { title: string; projectId: string } {
  let remindAt: Date | null = null;
  if (completed.remindAt && completed.dueAt) {
    remindAt = new Date(nextDueAt.getTime() + (Date.parse(completed.remindAt) - Date.parse(completed.dueAt)));
  }
  return {
    title: completed.title,
    description: completed.description,
    priority: completed.priority,
    status: "OPEN",
    dueAt: nextDueAt,
    allDay: completed.allDay,
    timeZone: completed.timeZone,
    remindAt,
    remindBeforeMinutes: completed.remindBeforeMinutes,
    rrule: completed.rrule,
    recurrenceMode: completed.recurrenceMode,
    seriesId: completed.seriesId,
    // The series keeps its start; an event from before it was recorded leaves the due date as anchor.
    seriesStartAt: completed.seriesStartAt ? new Date(completed.seriesStartAt) : completed.dueAt ? new Date(completed.dueAt) : null,
    ...placement,
  };
}
