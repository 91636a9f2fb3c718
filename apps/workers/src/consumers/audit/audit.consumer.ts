// The audit consumers: every event becomes one immutable audit_entries row, with its project and
// its actor. One consumer per topic, since the runtime binds a consumer to one topic. The entry
// also becomes an "audit" entry of the change feeds of its owner and its project's members in
// the same transaction, pushed after the commit where live updates run, so open history pages
// show it without a reload (and catch up on it by seq after a gap, also when a dead letter was
// replayed from the CLI).
import { findTaskProjectIds, insertAuditEntry, type AuditEntryInput } from "@taskboard/db";
import {
  PROJECT_EVENT_DEFINITIONS,
  REMINDER_EVENT_DEFINITIONS,
  TASK_EVENT_DEFINITIONS,
  taskNextOccurrenceKept,
  TOPICS,
} from "@taskboard/events";
import { defineConsumer, type BatchContext } from "../../runtime/define-consumer.ts";
import { appendAndPush } from "../feed/append-and-push.ts";
import { auditFeedChanges } from "./audit-feed.ts";
import { projectAuditEntry } from "./project-audit-entry.ts";
import { reminderAuditEntry } from "./reminder-audit-entry.ts";
import { taskAuditEntry } from "./task-audit-entry.ts";

/** Records every task event in the audit trail (who, when, before → after). */
export const auditTaskEventsConsumer = defineConsumer({
  name: "audit",
  topic: TOPICS.taskEvents,
  events: [...TASK_EVENT_DEFINITIONS, taskNextOccurrenceKept],
  handle: (event, context) => recordAuditEntries([event], (one) => taskAuditEntry(context.tx, one), context),
  // Built one at a time, after the previous one is inserted: an entry's "before" may come from
  // the entry of the event just ahead of it in the same batch.
  handleMany: (events, context) => recordAuditEntries(events, (event) => taskAuditEntry(context.tx, event), context),
});

/** Records every reminder event (scheduled, cancelled, fired) in the audit trail. */
export const auditRemindersConsumer = defineConsumer({
  name: "audit-reminders",
  topic: TOPICS.reminders,
  events: REMINDER_EVENT_DEFINITIONS,
  handle: (event, context) => recordReminderEntries([event], context),
  handleMany: (events, context) => recordReminderEntries(events, context),
});

/** Records every project, section, membership and invitation event in its project's history. */
export const auditProjectEventsConsumer = defineConsumer({
  name: "audit-projects",
  topic: TOPICS.projectEvents,
  events: PROJECT_EVENT_DEFINITIONS,
  handle: (event, context) => recordAuditEntries([event], async (one) => projectAuditEntry(one), context),
  handleMany: (events, context) => recordAuditEntries(events, async (event) => projectAuditEntry(event), context),
});

type ReminderEventOf = Parameters<typeof reminderAuditEntry>[0];

/** Reminder events name only the task: its project comes from the task row (null once it is gone). */
async function recordReminderEntries(events: readonly ReminderEventOf[], context: BatchContext): Promise<void> {
  const projects = await findTaskProjectIds(context.tx, events.map((event) => event.data.taskId));
  await recordAuditEntries(events, async (event) => reminderAuditEntry(event, projects.get(event.data.taskId) ?? null), context);
}

/**
 * The entries, then their feed rows in one append per reader at the end: the feed counters,
 * which the sync consumers also need, stay locked only for the last moment of the batch.
 */
async function recordAuditEntries<TEvent>(
  events: readonly TEvent[],
  entryOf: (event: TEvent) => Promise<AuditEntryInput>,
  { tx, publishAfterCommit }: BatchContext,
): Promise<void> {
  const inserted: AuditEntryInput[] = [];
  for (const event of events) {
    const entry = await entryOf(event);
    // A replay finds the entry already there: the trail never changes, and nothing is pushed again.
    if (await insertAuditEntry(tx, entry)) inserted.push(entry);
  }
  if (inserted.length > 0) await appendAndPush(tx, publishAfterCommit, await auditFeedChanges(tx, inserted));
}
