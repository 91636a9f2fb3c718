// The audit trail: one immutable row per event (the table refuses UPDATE and DELETE). Written by
// the audit consumers. Every read is scoped: to the owning user (audit.list), to a project or a task
// (read by its members, access checked by the caller), or to the whole instance (administrators).
import type { Tx } from "../client.ts";
import type { Prisma } from "../generated/prisma/client.ts";

export interface AuditDiffEntry {
  field: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntryInput {
  id: string;
  eventId: string;
  userId: string;
  type: string;
  actor: string;
  taskId: string | null;
  /** The project the entry belongs to (its members read the project's history); null for events before projects. */
  projectId?: string | null;
  version: number | null;
  occurredAt: Date;
  correlationId: string;
  causationId: string;
  previous: object | null;
  snapshot: object | null;
  diff: AuditDiffEntry[];
}

export const auditEntrySelect = {
  id: true,
  eventId: true,
  type: true,
  actor: true,
  userId: true,
  taskId: true,
  projectId: true,
  version: true,
  occurredAt: true,
  correlationId: true,
  causationId: true,
  previous: true,
  snapshot: true,
  diff: true,
} satisfies Prisma.AuditEntrySelect;

export type AuditEntryRow = Prisma.AuditEntryGetPayload<{ select: typeof auditEntrySelect }>;

/** Returns false when the event already has its entry (a replay): the trail never changes. */
export async function insertAuditEntry(tx: Tx, entry: AuditEntryInput): Promise<boolean> {
  const { count } = await tx.auditEntry.createMany({
    data: [
      {
        ...entry,
        previous: entry.previous ?? undefined,
        snapshot: entry.snapshot ?? undefined,
        diff: entry.diff as unknown as Prisma.InputJsonValue,
      },
    ],
    skipDuplicates: true,
  });
  return count === 1;
}

/** The newest snapshot the trail holds for a task below `beforeVersion`: the "before" of a transition. */
export async function findLatestAuditSnapshot(
  tx: Tx,
  params: { userId: string; taskId: string; beforeVersion: number },
): Promise<unknown> {
  const row = await tx.auditEntry.findFirst({
    where: {
      userId: params.userId,
      taskId: params.taskId,
      version: { lt: params.beforeVersion },
      // Task events carry snapshots; reminder events (same task and version) do not.
      type: { startsWith: "task." },
    },
    orderBy: [{ version: "desc" }, { occurredAt: "desc" }],
    select: { snapshot: true },
  });
  return row?.snapshot ?? null;
}

export interface AuditListFilter {
  types?: string[];
  taskId?: string;
  projectId?: string;
  /** Who acted: a user id, or a consumer's name ("recurrence"). */
  actor?: string;
  from?: Date;
  to?: Date;
}

/** Where the next page starts: the last row's (occurredAt, id). */
export interface AuditListKey {
  occurredAt: Date;
  id: string;
}

/**
 * Whose entries a read may see. The caller has already decided the reader may see this scope
 * (a project's or task's members, an administrator for the instance).
 */
export type AuditScope = { userId: string } | { projectId: string } | { taskId: string } | { instance: true };

function scopeWhere(scope: AuditScope): Prisma.AuditEntryWhereInput {
  if ("userId" in scope) return { userId: scope.userId };
  if ("projectId" in scope) return { projectId: scope.projectId };
  if ("taskId" in scope) return { taskId: scope.taskId };
  return {};
}

/** One page of a scope's trail, newest first, keyset-paginated on (occurredAt, id). */
export async function listScopedAuditEntries(
  tx: Tx,
  params: { scope: AuditScope; filter: AuditListFilter; after: AuditListKey | null; limit: number },
): Promise<AuditEntryRow[]> {
  const and: Prisma.AuditEntryWhereInput[] = [scopeWhere(params.scope)];
  const { types, taskId, projectId, actor, from, to } = params.filter;
  if (types?.length) and.push({ type: { in: types } });
  if (taskId) and.push({ taskId });
  if (projectId) and.push({ projectId });
  if (actor) and.push({ actor });
  if (from) and.push({ occurredAt: { gte: from } });
  if (to) and.push({ occurredAt: { lte: to } });
  if (params.after) {
    const { occurredAt, id } = params.after;
    and.push({ OR: [{ occurredAt: { lt: occurredAt } }, { occurredAt, id: { lt: id } }] });
  }
  return tx.auditEntry.findMany({
    where: { AND: and },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: params.limit,
    select: auditEntrySelect,
  });
}

/** One page of the user's own trail, newest first. */
export async function listAuditEntries(
  tx: Tx,
  params: { userId: string; filter: AuditListFilter; after: AuditListKey | null; limit: number },
): Promise<AuditEntryRow[]> {
  const { userId, ...rest } = params;
  return listScopedAuditEntries(tx, { ...rest, scope: { userId } });
}

/** The scope's entries of these events (what caused an entry: "created by recurrence from ..."). */
export async function findAuditEntriesByEventIds(
  tx: Tx,
  params: { scope: AuditScope; eventIds: string[] },
): Promise<{ eventId: string; type: string; taskId: string | null }[]> {
  if (params.eventIds.length === 0) return [];
  return tx.auditEntry.findMany({
    where: { AND: [scopeWhere(params.scope), { eventId: { in: params.eventIds } }] },
    select: { eventId: true, type: true, taskId: true },
  });
}

/** Everyone (and every consumer) who acted in the scope: the choices of a "person" filter. */
export async function listAuditActors(tx: Tx, scope: AuditScope): Promise<string[]> {
  const rows = await tx.auditEntry.findMany({ where: scopeWhere(scope), distinct: ["actor"], select: { actor: true }, orderBy: { actor: "asc" } });
  return rows.map((row) => row.actor);
}
