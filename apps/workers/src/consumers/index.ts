// Every consumer the workers run, in one list: the runtime subscribes them all before the
// transport starts, the health check counts them and the dead-letter command replays through
// them. Register a new one here. None takes a live resource (a socket server) at construction:
// what reaches the outside world after a commit goes through the runtime's ports.
import type { ConsumerDefinition } from "../runtime/define-consumer.ts";
import { auditProjectEventsConsumer, auditRemindersConsumer, auditTaskEventsConsumer } from "./audit/audit.consumer.ts";
import { logConsumer } from "./log/log.consumer.ts";
import { assignmentNotificationsConsumer, invitationNotificationsConsumer } from "./notifications/notifications.consumer.ts";
import { recurrenceConsumer } from "./recurrence/recurrence.consumer.ts";
import { remindersConsumer } from "./reminders/reminders.consumer.ts";
import { syncProjectsConsumer } from "./sync/sync-projects.consumer.ts";
import { syncRemindersConsumer } from "./sync/sync-reminders.consumer.ts";
import { syncConsumer } from "./sync/sync.consumer.ts";

export const consumers: readonly ConsumerDefinition[] = [
  logConsumer,
  auditTaskEventsConsumer,
  auditRemindersConsumer,
  auditProjectEventsConsumer,
  recurrenceConsumer,
  remindersConsumer,
  assignmentNotificationsConsumer,
  invitationNotificationsConsumer,
  syncConsumer,
  syncRemindersConsumer,
  syncProjectsConsumer,
];
