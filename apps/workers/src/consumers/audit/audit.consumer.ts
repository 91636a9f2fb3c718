// The audit consumers: every event becomes one immutable audit_entries row. One consumer per
// topic, since the runtime binds a consumer to one topic. With live updates on, the entry also
// becomes an "audit" entry of its owner's change feed in the same transaction, pushed after the
// commit, so open audit pages show it without a reload (and catch up on it by seq after a gap).
import { appendUserChange, insertAuditEntry, type AuditEntryInput } from "@taskboard/db";
import { REMINDER_EVENT_DEFINITIONS, TASK_EVENT_DEFINITIONS, TOPICS } from "@taskboard/events";
import { defineConsumer, type ConsumerContext } from "../../runtime/define-consumer.ts";
import { reminderAuditEntry } from "./reminder-audit-entry.ts";
import { taskAuditEntry } from "./task-audit-entry.ts";

/** Records every task event in the audit trail (who, when, before → after). */
export const auditTaskEventsConsumer = defineConsumer({
  name: "audit",
  topic: TOPICS.taskEvents,
  events: TASK_EVENT_DEFINITIONS,
  async handle(event, context) {
    await recordAuditEntry(await taskAuditEntry(context.tx, event), context);
  },
});

/** Records every reminder event (scheduled, cancelled, fired) in the audit trail. */
export const auditRemindersConsumer = defineConsumer({
  name: "audit-reminders",
  topic: TOPICS.reminders,
  events: REMINDER_EVENT_DEFINITIONS,
  async handle(event, context) {
    await recordAuditEntry(reminderAuditEntry(event), context);
  },
});

async function recordAuditEntry(entry: AuditEntryInput, { tx, afterCommit, changes }: ConsumerContext): Promise<void> {
  if (!(await insertAuditEntry(tx, entry)) || !changes) return;
  // Enough for a tab to tell which cached audit lists the entry belongs to; it refetches those
  // (the list's own shape needs the user's view of actor and cause).
  const payload = { type: entry.type, taskId: entry.taskId, occurredAt: entry.occurredAt.toISOString() };
  const row = await appendUserChange(tx, {
    userId: entry.userId,
    kind: "audit",
    entityId: entry.id,
    version: entry.version ?? 0,
    payload,
    // user_changes.event_id is unique and the sync consumers already use the bare event id.
    eventId: `audit:${entry.eventId}`,
  });
  afterCommit(() =>
    changes.emitToUser(entry.userId, { seq: row.seq, kind: row.kind, entityId: row.entityId, version: row.version, payload }),
  );
}
