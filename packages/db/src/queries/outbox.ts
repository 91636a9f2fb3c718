// Writes CloudEvents into the transactional outbox. Always called with the transaction that
// makes the change the events describe, never after it commits.
import type { Tx } from "../client.ts";

/** The parts of a CloudEvent the outbox indexes; the whole event is stored as JSON. */
export interface OutboxEventInput {
  id: string;
  type: string;
  partitionkey: string;
}

export async function insertOutboxEvents(
  tx: Tx,
  topic: string,
  events: readonly OutboxEventInput[],
): Promise<void> {
  if (events.length === 0) return;
  await tx.outboxEvent.createMany({
    data: events.map((event) => ({
      id: event.id,
      topic,
      type: event.type,
      partitionKey: event.partitionkey,
      event: event as object,
    })),
  });
}
