// The per-user change feed: appended by the workers' sync consumer inside its transaction, read
// by the web app when a browser catches up after a disconnect. Every read is scoped to one user.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "../client.ts";

// The same list as @taskboard/realtime's CHANGE_KINDS, the socket contract (packages/db stays free
// of it; apps/workers/src/realtime/change-kinds.test.ts fails when the two differ).
export const USER_CHANGE_KINDS = [
  "task.upserted",
  "task.removed",
  "notification",
  "audit",
  "project.upserted",
  "project.joined",
  "project.left",
  "section.upserted",
  "section.removed",
  "members.changed",
  "invitation",
] as const;
export type UserChangeKind = (typeof USER_CHANGE_KINDS)[number];

export interface UserChangeInput {
  userId: string;
  kind: UserChangeKind;
  entityId: string;
  version: number;
  payload: Prisma.InputJsonValue;
  eventId: string;
}

export interface UserChangeRow {
  seq: number;
  kind: UserChangeKind;
  entityId: string;
  version: number;
  payload: unknown;
  createdAt: Date;
}

const select = { seq: true, kind: true, entityId: true, version: true, payload: true, createdAt: true } as const;

type SelectedRow = { seq: bigint; kind: string; entityId: string; version: number; payload: unknown; createdAt: Date };

function toRow(row: SelectedRow): UserChangeRow {
  // A user would need 2^53 changes to overflow; numbers keep the wire format plain JSON.
  return { ...row, seq: Number(row.seq), kind: row.kind as UserChangeKind };
}

/**
 * Takes the user's next seq and appends the change. Call it inside the transaction that makes
 * the change durable: the counter row stays locked until that transaction ends, so a second
 * append for the same user waits and gets the next number, and a rollback returns the number.
 */
export async function appendUserChange(tx: Tx, change: UserChangeInput): Promise<UserChangeRow> {
  const [counter] = await tx.$queryRaw<{ last_seq: bigint }[]>`
    INSERT INTO user_change_counters (user_id, last_seq) VALUES (${change.userId}, 1)
    ON CONFLICT (user_id) DO UPDATE SET last_seq = user_change_counters.last_seq + 1
    RETURNING last_seq`;
  if (!counter) throw new Error("user_change_counters upsert returned no row");
  const row = await tx.userChange.create({
    data: {
      userId: change.userId,
      seq: counter.last_seq,
      kind: change.kind,
      entityId: change.entityId,
      version: change.version,
      payload: change.payload,
      eventId: change.eventId,
    },
    select,
  });
  return toRow(row);
}

export interface UserChangesPage {
  changes: UserChangeRow[];
  /** The user's newest seq (0 when the feed is empty), whatever the page holds. */
  latestSeq: number;
  /** More changes after the last one of this page. */
  hasMore: boolean;
}

/** The user's changes with seq > afterSeq, oldest first, at most `limit`. */
export async function listUserChangesSince(
  tx: Tx,
  params: { userId: string; afterSeq: number; limit: number },
): Promise<UserChangesPage> {
  const rows = await tx.userChange.findMany({
    where: { userId: params.userId, seq: { gt: BigInt(params.afterSeq) } },
    orderBy: { seq: "asc" },
    take: params.limit + 1,
    select,
  });
  const latestSeq = await latestUserChangeSeq(tx, params.userId);
  return { changes: rows.slice(0, params.limit).map(toRow), latestSeq, hasMore: rows.length > params.limit };
}

export async function latestUserChangeSeq(tx: Tx, userId: string): Promise<number> {
  const counter = await tx.userChangeCounter.findUnique({ where: { userId }, select: { lastSeq: true } });
  return Number(counter?.lastSeq ?? 0n);
}

/** Retention: forget changes older than `before` (a browser that far behind reloads its lists). */
export async function pruneUserChanges(tx: Tx, before: Date): Promise<number> {
  const { count } = await tx.userChange.deleteMany({ where: { createdAt: { lt: before } } });
  return count;
}

/**
 * appendUserChange for several changes of ONE user, in order, with one counter update and one
 * insert: the counter row is locked once, for a moment at the end of a batch, instead of once
 * per change. Returns the seq of each change, in input order.
 */
export async function appendUserChanges(tx: Tx, changes: readonly UserChangeInput[]): Promise<number[]> {
  const first = changes[0];
  if (!first) return [];
  if (changes.some((change) => change.userId !== first.userId)) throw new Error("appendUserChanges takes the changes of one user");
  const [counter] = await tx.$queryRaw<{ last_seq: bigint }[]>`
    INSERT INTO user_change_counters (user_id, last_seq) VALUES (${first.userId}, ${changes.length})
    ON CONFLICT (user_id) DO UPDATE SET last_seq = user_change_counters.last_seq + ${changes.length}
    RETURNING last_seq`;
  if (!counter) throw new Error("user_change_counters upsert returned no row");
  const firstSeq = Number(counter.last_seq) - changes.length + 1;
  const seqs = changes.map((_, index) => firstSeq + index);
  await tx.userChange.createMany({
    data: changes.map((change, index) => ({
      userId: change.userId,
      seq: seqs[index] ?? 0,
      kind: change.kind,
      entityId: change.entityId,
      version: change.version,
      payload: change.payload,
      eventId: change.eventId,
    })),
  });
  return seqs;
}
