// The audit consumers: every event becomes one immutable audit_entries row. One consumer per
// topic, since the runtime binds a consumer to one topic. The entry also becomes an "audit" entry
// of its owner's change feed in the same transaction, pushed after the commit where live updates
// run, so open audit pages show it without a reload (and catch up on it by seq after a gap, also
// when a dead letter was replayed from the CLI).
import { appendUserChange, appendUserChanges, insertAuditEntry, type AuditEntryInput } from "@taskboard/db";
import { REMINDER_EVENT_DEFINITIONS, TASK_EVENT_DEFINITIONS, taskNextOccurrenceKept, TOPICS } from "@taskboard/events";
import { defineConsumer, type BatchContext, type ConsumerContext } from "../../runtime/define-consumer.ts";
import { reminderAuditEntry } from "./reminder-audit-entry.ts";
import { taskAuditEntry } from "./task-audit-entry.ts";

/** Records every task event in the audit trail (who, when, before → after). */
export const auditTaskEventsConsumer = defineConsumer({
  name: "audit",
  topic: TOPICS.taskEvents,
  events: [...TASK_EVENT_DEFINITIONS, taskNextOccurrenceKept],
  async handle(event, context) {
    await recordAuditEntry(await taskAuditEntry(context.tx, event), context);
  },
  // Built one at a time, after the previous one is inserted: an entry's "before" may come from
  // the entry of the event just ahead of it in the same batch.
  handleMany: (events, context) => recordAuditEntries(events, (event) => taskAuditEntry(context.tx, event), context),
});

/** Records every reminder event (scheduled, cancelled, fired) in the audit trail. */
export const auditRemindersConsumer = defineConsumer({
  name: "audit-reminders",
  topic: TOPICS.reminders,
  events: REMINDER_EVENT_DEFINITIONS,
  async handle(event, context) {
    await recordAuditEntry(reminderAuditEntry(event), context);
  },
  handleMany: (events, context) => recordAuditEntries(events, async (event) => reminderAuditEntry(event), context),
});

/**
 * A backlog's entries, then their feed rows in one append at the end: the user's feed counter,
 * which the sync consumers also need, stays locked only for the last moment of the batch.
 */
async function recordAuditEntries<TEvent>(
  events: readonly TEvent[],
  entryOf: (event: TEvent) => Promise<AuditEntryInput>,
  { tx, publishAfterCommit }: BatchContext,
): Promise<void> {
  const inserted: AuditEntryInput[] = [];
  for (const event of events) {
    const entry = await entryOf(event);
    if (await insertAuditEntry(tx, entry)) inserted.push(entry);
  }
  if (inserted.length === 0) return;
  const feed = inserted.map((entry) => ({
    userId: entry.userId,
    kind: "audit" as const,
    entityId: entry.id,
    version: entry.version ?? 0,
    payload: auditFeedPayload(entry),
    eventId: `audit:${entry.eventId}`,
  }));
  const seqs = await appendUserChanges(tx, feed);
  feed.forEach(({ userId, kind, entityId, version, payload }, index) =>
    publishAfterCommit(userId, { seq: seqs[index] ?? 0, kind, entityId, version, payload }),
  );
}

function auditFeedPayload(entry: AuditEntryInput) {
  return { type: entry.type, taskId: entry.taskId, occurredAt: entry.occurredAt.toISOString() };
}

async function recordAuditEntry(entry: AuditEntryInput, { tx, publishAfterCommit }: ConsumerContext): Promise<void> {
  if (!(await insertAuditEntry(tx, entry))) return;
  // Enough for a tab to tell which cached audit lists the entry belongs to; it refetches those
  // (the list's own shape needs the user's view of actor and cause).
  const payload = auditFeedPayload(entry);
  const row = await appendUserChange(tx, {
    userId: entry.userId,
    kind: "audit",
    entityId: entry.id,
    version: entry.version ?? 0,
    payload,
    // user_changes.event_id is unique and the sync consumers already use the bare event id.
    eventId: `audit:${entry.eventId}`,
  });
  publishAfterCommit(entry.userId, { seq: row.seq, kind: row.kind, entityId: row.entityId, version: row.version, payload });
}
