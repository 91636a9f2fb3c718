// An audit entry as "audit" entries of change feeds: the entry's owner, and every current member
// of its project, so open history pages of everyone who may read it refetch. Enough for a tab to
// tell which cached audit lists the entry belongs to (the list's own shape needs the reader's
// view of actor and cause).
import { listMemberIdsByProject, type AuditEntryInput, type Tx } from "@taskboard/db";
import type { FeedChange } from "../feed/feed-change.ts";

export async function auditFeedChanges(tx: Tx, entries: readonly AuditEntryInput[]): Promise<FeedChange[]> {
  const members = await listMemberIdsByProject(tx, entries.flatMap((entry) => (entry.projectId ? [entry.projectId] : [])));
  return entries.flatMap((entry) => {
    const readers = new Set([entry.userId, ...(entry.projectId ? (members.get(entry.projectId) ?? []) : [])]);
    const payload = { type: entry.type, taskId: entry.taskId, projectId: entry.projectId, occurredAt: entry.occurredAt.toISOString() };
    return [...readers].map((userId): FeedChange => ({
      userId,
      kind: "audit",
      entityId: entry.id,
      version: entry.version ?? 0,
      payload,
      // user_changes.event_id is unique and the sync consumers use the event id; the owner's row
      // keeps the plain "audit:<event id>" the fault scenarios' books join on.
      eventId: userId === entry.userId ? `audit:${entry.eventId}` : `audit:${entry.eventId}:${userId}`,
    }));
  });
}
