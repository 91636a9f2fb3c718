/**
 * Sync (reminders topic): a fired reminder becomes a "notification" entry of its owner's change
 * feed and is pushed after the commit, so every open tab shows the in-app notification at once.
 * Scheduled/cancelled reminders are bookkeeping and not pushed.
 */
import { appendUserChange, appendUserChanges } from "@taskboard/db";
import { reminderFired, TOPICS } from "@taskboard/events";
import { defineConsumer } from "../../runtime/define-consumer.ts";

export const syncRemindersConsumer = defineConsumer({
  name: "sync-reminders",
  topic: TOPICS.reminders,
  events: [reminderFired],
  async handle(event, { tx, publishAfterCommit }) {
    // Reminder data names no user: the partition key is the owner (docs/invariants.md #2).
    const userId = event.partitionkey;
    const payload = { ...event.data };
    const row = await appendUserChange(tx, {
      userId,
      kind: "notification",
      entityId: event.data.notificationId,
      version: event.data.taskVersion,
      payload,
      eventId: event.id,
    });
    publishAfterCommit(userId, { seq: row.seq, kind: row.kind, entityId: row.entityId, version: row.version, payload });
  },
  // A burst of fired reminders: one counter update and one insert, then the pushes in order.
  async handleMany(events, { tx, publishAfterCommit }) {
    const changes = events.map((event) => ({
      userId: event.partitionkey,
      kind: "notification" as const,
      entityId: event.data.notificationId,
      version: event.data.taskVersion,
      payload: { ...event.data },
      eventId: event.id,
    }));
    const seqs = await appendUserChanges(tx, changes);
    changes.forEach(({ userId, kind, entityId, version, payload }, index) =>
      publishAfterCommit(userId, { seq: seqs[index] ?? 0, kind, entityId, version, payload }),
    );
  },
});
