// Consumer idempotency: the (consumer, event id) record written in the same transaction as the
// consumer's effect (docs/invariants.md #3).
import type { Tx } from "../client.ts";

/**
 * Records that `consumer` handled `eventId`. Returns false when it already had: the caller then
 * skips its effect. A concurrent duplicate waits on the primary key until the first commits.
 */
export async function markEventProcessed(tx: Tx, consumer: string, eventId: string): Promise<boolean> {
  // Raw SQL: this runs once per delivered event, and is measurably cheaper than createMany.
  const inserted = await tx.$executeRaw`
    INSERT INTO processed_events (consumer, event_id) VALUES (${consumer}, ${eventId})
    ON CONFLICT (consumer, event_id) DO NOTHING`;
  return inserted === 1;
}

export async function countProcessedEvents(tx: Tx, consumer: string): Promise<number> {
  return tx.processedEvent.count({ where: { consumer } });
}

/** markEventProcessed for several events in one statement: the ids that were new. */
export async function markEventsProcessed(tx: Tx, consumer: string, eventIds: readonly string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ event_id: string }[]>`
    INSERT INTO processed_events (consumer, event_id) SELECT ${consumer}, id FROM unnest(${[...eventIds]}::text[]) AS id
    ON CONFLICT (consumer, event_id) DO NOTHING
    RETURNING event_id`;
  return new Set(rows.map((row) => row.event_id));
}

/** Whether `consumer` already applied `eventId` (a dead letter for it would change nothing). */
export async function hasProcessedEvent(tx: Tx, consumer: string, eventId: string): Promise<boolean> {
  return (await tx.processedEvent.count({ where: { consumer, eventId } })) > 0;
}
