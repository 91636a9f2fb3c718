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

/**
 * The one method of a node-postgres client or pool the relay's hot path needs. The relay reads and
 * marks on its own session with plain node-postgres: through Prisma, reading a batch of 500 rows
 * took about twice as long (docs/benchmarks.md, relay).
 */
export interface SqlSession {
  query<R extends object>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
}

/**
 * The oldest unpublished rows in sequence order, leaving out `excluding` (a batch still being
 * published, whose rows are not marked yet: the relay reads the next batch meanwhile).
 */
export async function findPendingOutboxEvents(
  sql: SqlSession,
  limit: number,
  excluding: readonly string[] = [],
): Promise<PendingOutboxEvent[]> {
  const { rows } = await sql.query<{ id: string; sequence: string; topic: string; partition_key: string; event: unknown }>(
    `SELECT id, sequence, topic, partition_key, event
       FROM outbox_events
      WHERE published_at IS NULL AND NOT (id = ANY($2::uuid[]))
      ORDER BY sequence
      LIMIT $1`,
    [limit, excluding],
  );
  return rows.map((r) => ({ id: r.id, sequence: BigInt(r.sequence), topic: r.topic, partitionKey: r.partition_key, event: r.event }));
}

/** Called only after the bus accepted the events: one statement for the whole batch. */
export async function markOutboxEventsPublished(sql: SqlSession, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { rowCount } = await sql.query(
    "UPDATE outbox_events SET published_at = now() WHERE id = ANY($1::uuid[]) AND published_at IS NULL",
    [ids],
  );
  return rowCount ?? 0;
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
