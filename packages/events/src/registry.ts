// Every event type the product publishes. Add new types here; never change one in place.
import { reminderCancelled } from "./reminder-events/reminder-cancelled.ts";
import { reminderFired } from "./reminder-events/reminder-fired.ts";
import { reminderScheduled } from "./reminder-events/reminder-scheduled.ts";
import {
  invitationClosed,
  invitationCreated,
  memberAdded,
  memberRemoved,
  memberUpdated,
  PROJECT_EVENT_DEFINITIONS,
  projectCreated,
  projectDeleted,
  projectRestored,
  projectUpdated,
  sectionCreated,
  sectionDeleted,
  sectionUpdated,
} from "./project-events/project-events.ts";
import { taskCompleted } from "./task-events/task-completed.ts";
import { taskCreated } from "./task-events/task-created.ts";
import { taskDeleted } from "./task-events/task-deleted.ts";
import { taskNextOccurrenceKept } from "./task-events/task-next-occurrence-kept.ts";
import { taskReopened } from "./task-events/task-reopened.ts";
import { taskRestored } from "./task-events/task-restored.ts";
import { taskUpdated } from "./task-events/task-updated.ts";

export const eventRegistry = {
  [taskCreated.type]: taskCreated,
  [taskUpdated.type]: taskUpdated,
  [taskCompleted.type]: taskCompleted,
  [taskReopened.type]: taskReopened,
  [taskDeleted.type]: taskDeleted,
  [taskRestored.type]: taskRestored,
  [taskNextOccurrenceKept.type]: taskNextOccurrenceKept,
  [reminderScheduled.type]: reminderScheduled,
  [reminderCancelled.type]: reminderCancelled,
  [reminderFired.type]: reminderFired,
  [projectCreated.type]: projectCreated,
  [projectUpdated.type]: projectUpdated,
  [projectDeleted.type]: projectDeleted,
  [projectRestored.type]: projectRestored,
  [sectionCreated.type]: sectionCreated,
  [sectionUpdated.type]: sectionUpdated,
  [sectionDeleted.type]: sectionDeleted,
  [invitationCreated.type]: invitationCreated,
  [invitationClosed.type]: invitationClosed,
  [memberAdded.type]: memberAdded,
  [memberUpdated.type]: memberUpdated,
  [memberRemoved.type]: memberRemoved,
} as const;

/**
 * The task-events definitions that carry a task's new state, typed as such (consumers of task
 * state subscribe to these). task.next-occurrence-kept travels on the same topic but changes no
 * task: only the audit trail takes it.
 */
export const TASK_EVENT_DEFINITIONS = [taskCreated, taskUpdated, taskCompleted, taskReopened, taskDeleted, taskRestored] as const;
export { PROJECT_EVENT_DEFINITIONS };
/** The reminders-topic definitions. */
export const REMINDER_EVENT_DEFINITIONS = [reminderScheduled, reminderCancelled, reminderFired] as const;

export type TEventRegistry = typeof eventRegistry;
export type TEventType = keyof TEventRegistry;
export type TAnyEventDefinition = TEventRegistry[TEventType];

export function findEventDefinition(type: string): TAnyEventDefinition | undefined {
  return Object.hasOwn(eventRegistry, type) ? eventRegistry[type as TEventType] : undefined;
}
