// Writes one in-app notification for an event and, when it is new, its "notification" entry of
// the recipient's change feed, pushed after the commit: the header tray shows it at once (the
// same feed kind a fired reminder uses). The notification's id and event id are derived from the
// event, so a redelivered event finds it there and writes and pushes nothing.
import { insertNotification, type Tx } from "@taskboard/db";
import type { ConsumerContext } from "../../runtime/define-consumer.ts";
import { appendAndPush } from "../feed/append-and-push.ts";
import { nameBasedId } from "./name-based-id.ts";

export interface NotificationDraft {
  /** What it is about: "assigned", "invitation". */
  kind: string;
  recipientId: string;
  taskId: string | null;
  title: string;
  body: string;
  /** The feed entry's version: the task's, or 0. */
  version: number;
}

export async function notify(
  tx: Tx,
  publishAfterCommit: ConsumerContext["publishAfterCommit"],
  event: { id: string; time: string },
  draft: NotificationDraft,
): Promise<boolean> {
  const eventId = `${draft.kind}:${event.id}`;
  const notificationId = nameBasedId(`taskboard:notification:${eventId}`);
  const inserted = await insertNotification(tx, {
    id: notificationId,
    userId: draft.recipientId,
    taskId: draft.taskId,
    kind: draft.kind,
    title: draft.title,
    body: draft.body,
    eventId,
    createdAt: new Date(event.time),
  });
  if (!inserted) return false;
  await appendAndPush(tx, publishAfterCommit, [
    {
      userId: draft.recipientId,
      kind: "notification",
      entityId: notificationId,
      version: draft.version,
      payload: { notificationId, kind: draft.kind, taskId: draft.taskId, title: draft.title },
      eventId: `notification:${event.id}`,
    },
  ]);
  return true;
}
