// Consumer idempotency: the (consumer, event id) record written in the same transaction as the
// consumer's effect (ARCHITECTURE invariant 3).
import type { Tx } from "../client.ts";

/**
 * Records that `consumer` handled `eventId`. Returns false when it already had: the caller then
 * skips its effect. A concurrent duplicate waits on the primary key until the first commits.
 */
export async function markEventProcessed(tx: Tx, consumer: string, eventId: string): Promise<boolean> {
  const { count } = await tx.processedEvent.createMany({
    data: [{ consumer, eventId }],
    skipDuplicates: true,
  });
  return count === 1;
}

export async function countProcessedEvents(tx: Tx, consumer: string): Promise<number> {
  return tx.processedEvent.count({ where: { consumer } });
}
