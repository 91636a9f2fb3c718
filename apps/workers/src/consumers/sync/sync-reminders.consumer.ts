/**
 * Sync (reminders topic): a fired reminder becomes a "notification" entry of its recipient's
 * change feed and is pushed after the commit, so every open tab shows the in-app notification at
 * once. Scheduled/cancelled reminders are bookkeeping and not pushed.
 */
import { reminderFired, TOPICS, type EventData, type TCloudEvent } from "@taskboard/events";
import { defineConsumer } from "../../runtime/define-consumer.ts";
import { appendAndPush } from "../feed/append-and-push.ts";
import type { FeedChange } from "../feed/feed-change.ts";

function notificationChange(event: TCloudEvent<"reminder.fired", EventData<typeof reminderFired>>): FeedChange {
  return {
    // The assignee of a shared task, else its creator; events written before assignees name
    // nobody: the partition key is the owner then (docs/invariants.md #2).
    userId: event.data.recipientId ?? event.partitionkey,
    kind: "notification",
    entityId: event.data.notificationId,
    version: event.data.taskVersion,
    payload: { ...event.data },
    eventId: event.id,
  };
}

export const syncRemindersConsumer = defineConsumer({
  name: "sync-reminders",
  topic: TOPICS.reminders,
  events: [reminderFired],
  async handle(event, { tx, publishAfterCommit }) {
    await appendAndPush(tx, publishAfterCommit, [notificationChange(event)]);
  },
  // A burst of fired reminders: one counter update and one insert per recipient, then the pushes in order.
  async handleMany(events, { tx, publishAfterCommit }) {
    await appendAndPush(tx, publishAfterCommit, events.map(notificationChange));
  },
});
