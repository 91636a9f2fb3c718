// One page of history entries for any scope (the user's own, a project's, a task's, the
// instance's), as the client shows them: newest first, each naming its actor and project, with what
// caused a system-made entry. The caller has decided that the reader may see the scope.
import {
  findAuditEntriesByEventIds,
  findProjectNames,
  findUserNames,
  listScopedAuditEntries,
  type AuditEntryRow,
  type AuditListFilter,
  type AuditScope,
  type Tx,
} from "@taskboard/db";
import { actorName } from "./actor-names";
import { auditSubject } from "./audit-subject";
import { decodeAuditCursor, encodeAuditCursor } from "./audit-cursor";
import type { TAuditEntry, TAuditPage } from "./list-audit-entries.schema";

export interface ReadAuditPageOptions {
  scope: AuditScope;
  filter: AuditListFilter;
  cursor: string | null | undefined;
  limit: number;
  /** The signed-in reader: their own actions say "you". */
  readerId: string;
}

export async function readAuditPage(tx: Tx, { scope, filter, cursor, limit, readerId }: ReadAuditPageOptions): Promise<TAuditPage> {
  const rows = await listScopedAuditEntries(tx, {
    scope,
    filter,
    after: cursor ? decodeAuditCursor(cursor) : null,
    // One row more than asked tells whether another page exists.
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const caused = page.filter((row) => row.causationId !== row.eventId);
  const [causes, userNames, projectNames] = await Promise.all([
    findAuditEntriesByEventIds(tx, { scope, eventIds: caused.map((row) => row.causationId) }),
    findUserNames(tx, page.map((row) => row.actor)),
    findProjectNames(tx, page.flatMap((row) => (row.projectId ? [row.projectId] : []))),
  ]);
  const causeByEventId = new Map(causes.map((cause) => [cause.eventId, cause]));
  const last = page.at(-1);
  return {
    items: page.map((row) => toAuditEntry(row, { readerId, causes: causeByEventId, userNames, projectNames })),
    nextCursor: rows.length > limit && last ? encodeAuditCursor(last) : null,
  };
}

interface EntryContext {
  readerId: string;
  causes: Map<string, { type: string; taskId: string | null }>;
  userNames: ReadonlyMap<string, string>;
  projectNames: ReadonlyMap<string, string>;
}

function toAuditEntry(row: AuditEntryRow, { readerId, causes, userNames, projectNames }: EntryContext): TAuditEntry {
  const cause = row.causationId !== row.eventId ? causes.get(row.causationId) : undefined;
  const isTaskEntry = row.type.startsWith("task.") || row.type.startsWith("reminder.");
  return {
    id: row.id,
    eventId: row.eventId,
    type: row.type,
    actor: row.actor === readerId ? "you" : row.actor,
    actorName: actorName(row.actor, readerId, userNames),
    projectId: row.projectId,
    projectName: row.projectId ? (projectNames.get(row.projectId) ?? null) : null,
    subject: auditSubject(row, readerId),
    taskId: row.taskId,
    taskTitle: isTaskEntry ? (titleOf(row.snapshot) ?? titleOf(row.previous)) : null,
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
