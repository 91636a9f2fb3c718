// Every consumer the workers run. Register a new one here; the runtime subscribes them all before
// the transport starts.
import type { ConsumerDefinition } from "../runtime/define-consumer.ts";
import { auditRemindersConsumer, auditTaskEventsConsumer } from "./audit/audit.consumer.ts";
import { logConsumer } from "./log/log.consumer.ts";
import { recurrenceConsumer } from "./recurrence/recurrence.consumer.ts";
import { remindersConsumer } from "./reminders/reminders.consumer.ts";

export const consumers: readonly ConsumerDefinition[] = [
  logConsumer,
  auditTaskEventsConsumer,
  auditRemindersConsumer,
  recurrenceConsumer,
  remindersConsumer,
];
