// The audit trail: one immutable row per event (the table refuses UPDATE and DELETE). Written by
// the audit consumers, read by audit.list, always scoped to the owning user.
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
  taskId: true,
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
  from?: Date;
  to?: Date;
}

/** Where the next page starts: the last row's (occurredAt, id). */
export interface AuditListKey {
  occurredAt: Date;
  id: string;
}

/** One page of the user's trail, newest first, keyset-paginated on (occurredAt, id). */
export async function listAuditEntries(
  tx: Tx,
  params: { userId: string; filter: AuditListFilter; after: AuditListKey | null; limit: number },
): Promise<AuditEntryRow[]> {
  const and: Prisma.AuditEntryWhereInput[] = [{ userId: params.userId }];
  const { types, taskId, from, to } = params.filter;
  if (types?.length) and.push({ type: { in: types } });
  if (taskId) and.push({ taskId });
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

/** The user's entries of these events (what caused an entry: "created by recurrence from ..."). */
export async function findAuditEntriesByEventIds(
  tx: Tx,
  params: { userId: string; eventIds: string[] },
): Promise<{ eventId: string; type: string; taskId: string | null }[]> {
  if (params.eventIds.length === 0) return [];
  return tx.auditEntry.findMany({
    where: { userId: params.userId, eventId: { in: params.eventIds } },
    select: { eventId: true, type: true, taskId: true },
  });
}
