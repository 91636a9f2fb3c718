export * from "./envelope.ts";
export * from "./define-event.ts";
export * from "./topics.ts";
export * from "./errors.ts";
export * from "./registry.ts";
export * from "./create-event.ts";
export * from "./parse-event.ts";
export * from "./task-events/task-snapshot.ts";
export { taskCreated } from "./task-events/task-created.ts";
export { taskUpdated } from "./task-events/task-updated.ts";
export { taskCompleted } from "./task-events/task-completed.ts";
export { taskReopened } from "./task-events/task-reopened.ts";
export { taskDeleted } from "./task-events/task-deleted.ts";
export { taskRestored } from "./task-events/task-restored.ts";
export { taskNextOccurrenceKept } from "./task-events/task-next-occurrence-kept.ts";
export { reminderScheduled } from "./reminder-events/reminder-scheduled.ts";
export { reminderCancelled } from "./reminder-events/reminder-cancelled.ts";
export { reminderFired } from "./reminder-events/reminder-fired.ts";
export { ZReminderFieldsSchema } from "./reminder-events/reminder-fields.ts";
export * from "./project-events/project-snapshots.ts";
export {
  projectCreated,
  projectUpdated,
  projectDeleted,
  projectRestored,
  sectionCreated,
  sectionUpdated,
  sectionDeleted,
  invitationCreated,
  invitationClosed,
  memberAdded,
  memberUpdated,
  memberRemoved,
} from "./project-events/project-events.ts";
export * from "./bus.ts";
