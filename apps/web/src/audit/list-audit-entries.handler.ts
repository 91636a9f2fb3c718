// audit.list: one page of the signed-in user's audit trail (never anyone else's), newest first,
// with what caused each system-made entry ("created by recurrence from <task>").
import { findAuditEntriesByEventIds, listAuditEntries, type AuditEntryRow, type Db } from "@taskboard/db";
import type { TSessionUser } from "@/server/session-user";
import { decodeAuditCursor, encodeAuditCursor } from "./audit-cursor";
import type { TAuditEntry, TAuditPage, TListAuditEntries } from "./list-audit-entries.schema";

export interface ListAuditEntriesOptions {
  db: Db;
  user: TSessionUser;
  input: TListAuditEntries;
}

export async function listAuditEntriesForUser({ db, user, input }: ListAuditEntriesOptions): Promise<TAuditPage> {
  const rows = await listAuditEntries(db, {
    userId: user.id,
    filter: {
      types: input.types,
      taskId: input.taskId,
      from: input.from ? new Date(input.from) : undefined,
      to: input.to ? new Date(input.to) : undefined,
    },
    after: input.cursor ? decodeAuditCursor(input.cursor) : null,
    // One row more than asked tells whether another page exists.
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const caused = page.filter((row) => row.causationId !== row.eventId);
  const causes = await findAuditEntriesByEventIds(db, { userId: user.id, eventIds: caused.map((row) => row.causationId) });
  const causeByEventId = new Map(causes.map((cause) => [cause.eventId, cause]));
  const last = page.at(-1);
  return {
    items: page.map((row) => toAuditEntry(row, user.id, causeByEventId)),
    nextCursor: rows.length > input.limit && last ? encodeAuditCursor(last) : null,
  };
}

function toAuditEntry(
  row: AuditEntryRow,
  userId: string,
  causes: Map<string, { type: string; taskId: string | null }>,
): TAuditEntry {
  const cause = row.causationId !== row.eventId ? causes.get(row.causationId) : undefined;
  return {
    id: row.id,
    eventId: row.eventId,
    type: row.type,
    actor: row.actor === userId ? "you" : row.actor,
    taskId: row.taskId,
    taskTitle: titleOf(row.snapshot) ?? titleOf(row.previous),
    version: row.version,
    occurredAt: row.occurredAt.toISOString(),
    diff: Array.isArray(row.diff) ? (row.diff as TAuditEntry["diff"]) : [],
    reminderAt: row.type.startsWith("reminder.") ? stringField(row.snapshot, "fireAt") : null,
    causedBy: cause ? { type: cause.type, taskId: cause.taskId } : null,
  };
}

function titleOf(snapshot: unknown): string | null {
  return stringField(snapshot, "title");
}

function stringField(snapshot: unknown, field: string): string | null {
  const value = snapshot && typeof snapshot === "object" ? (snapshot as Record<string, unknown>)[field] : undefined;
  return typeof value === "string" ? value : null;
}
