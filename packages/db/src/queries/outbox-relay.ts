// The outbox relay's reads and writes. Rows are found by status (published_at IS NULL), never by
// a sequence cursor, so a transaction that commits late is still picked up (docs/traps.md #10).
import type { Tx } from "../client.ts";

export interface PendingOutboxEvent {
  id: string;
  sequence: bigint;
  topic: string;
  partitionKey: string;
  event: unknown;
}

/** The oldest unpublished rows in sequence order. */
export async function findPendingOutboxEvents(tx: Tx, limit: number): Promise<PendingOutboxEvent[]> {
  return tx.outboxEvent.findMany({
    where: { publishedAt: null },
    orderBy: { sequence: "asc" },
    take: limit,
    select: { id: true, sequence: true, topic: true, partitionKey: true, event: true },
  });
}

/** Called only after the bus accepted the events. */
export async function markOutboxEventsPublished(tx: Tx, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { count } = await tx.outboxEvent.updateMany({
    where: { id: { in: [...ids] }, publishedAt: null },
    data: { publishedAt: new Date() },
  });
  return count;
}

/** Keeps the last transport error on the rows that could not be published, for operators. */
export async function recordOutboxPublishFailure(tx: Tx, ids: readonly string[], error: string): Promise<void> {
  if (ids.length === 0) return;
  await tx.outboxEvent.updateMany({
    where: { id: { in: [...ids] }, publishedAt: null },
    data: { attempts: { increment: 1 }, lastError: error.slice(0, 2_000) },
  });
}

export interface OutboxLag {
  /** Rows committed but not yet published. */
  pending: number;
  /** Age of the oldest of them, in seconds (0 when none). */
  oldestAgeSeconds: number;
  oldestCreatedAt: Date | null;
}

export async function getOutboxLag(tx: Tx): Promise<OutboxLag> {
  const [row] = await tx.$queryRaw<{ pending: bigint; oldest: Date | null }[]>`
    SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox_events WHERE published_at IS NULL`;
  const oldest = row?.oldest ?? null;
  return {
    pending: Number(row?.pending ?? 0),
    oldestCreatedAt: oldest,
    oldestAgeSeconds: oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0,
  };
}

export interface OutboxFailures {
  /** Unpublished rows the relay has already tried and failed to publish. */
  failing: number;
  lastError: { message: string; attempts: number } | null;
}

/** For `npm run outbox:lag`: how many rows are failing, and the oldest one's last error. */
export async function getOutboxFailures(tx: Tx): Promise<OutboxFailures> {
  const failing = await tx.outboxEvent.count({ where: { publishedAt: null, attempts: { gt: 0 } } });
  const last = await tx.outboxEvent.findFirst({
    where: { publishedAt: null, lastError: { not: null } },
    orderBy: { sequence: "asc" },
    select: { lastError: true, attempts: true },
  });
  return { failing, lastError: last?.lastError ? { message: last.lastError, attempts: last.attempts } : null };
}

/** The cheapest round trip that proves the database answers (readiness checks). */
export async function pingDatabase(tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT 1`;
}
