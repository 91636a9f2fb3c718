// The audit consumers: every event becomes one immutable audit_entries row. One consumer per
// topic, since the runtime binds a consumer to one topic.
import { insertAuditEntry } from "@taskboard/db";
import { REMINDER_EVENT_DEFINITIONS, TASK_EVENT_DEFINITIONS, TOPICS } from "@taskboard/events";
import { defineConsumer } from "../../runtime/define-consumer.ts";
import { reminderAuditEntry } from "./reminder-audit-entry.ts";
import { taskAuditEntry } from "./task-audit-entry.ts";

/** Records every task event in the audit trail (who, when, before → after). */
export const auditTaskEventsConsumer = defineConsumer({
  name: "audit",
  topic: TOPICS.taskEvents,
  events: TASK_EVENT_DEFINITIONS,
  async handle(event, { tx }) {
    await insertAuditEntry(tx, await taskAuditEntry(tx, event));
  },
});

/** Records every reminder event (scheduled, cancelled, fired) in the audit trail. */
export const auditRemindersConsumer = defineConsumer({
  name: "audit-reminders",
  topic: TOPICS.reminders,
  events: REMINDER_EVENT_DEFINITIONS,
  async handle(event, { tx }) {
    await insertAuditEntry(tx, reminderAuditEntry(event));
  },
});
