// What daprd's deliveries get as answers: a single CloudEvent gets one status, a bulk delivery
// (`{ entries: [...] }`) a status per entry, with per-user order kept inside the batch. The HTTP
// plumbing around it is app-callback-server.ts.
import type { DeliveryStatus } from "@taskboard/events";
import { partitionKeyOf } from "./topic-dispatcher.ts";

/** Whatever answers one delivered event: a topic's consumers, or the dead-letter intake. */
export interface DeliveryTarget {
  dispatch(event: unknown): Promise<DeliveryStatus>;
}

type BulkEntry = { entryId: string; event: unknown };

export async function deliver(dispatcher: DeliveryTarget, body: unknown) {
  if (isBulk(body)) return { statuses: await deliverBulk(dispatcher, body.entries) };
  return { status: await dispatcher.dispatch(body) };
}

/**
 * Entries of one user run in order; different users run in parallel. Once an entry is retried,
 * the later entries of that user are retried too without running, so a redelivery cannot
 * overtake it (per-user ordering, docs/invariants.md #4).
 */
async function deliverBulk(dispatcher: DeliveryTarget, entries: readonly BulkEntry[]) {
  const byPartition = new Map<string, BulkEntry[]>();
  for (const entry of entries) {
    const key = partitionKeyOf(entry.event) ?? `entry:${entry.entryId}`;
    byPartition.set(key, [...(byPartition.get(key) ?? []), entry]);
  }
  const statuses = new Map<string, DeliveryStatus>();
  await Promise.all(
    [...byPartition.values()].map(async (partition) => {
      let blocked = false;
      for (const entry of partition) {
        const status: DeliveryStatus = blocked ? "RETRY" : await dispatcher.dispatch(entry.event);
        if (status === "RETRY") blocked = true;
        statuses.set(entry.entryId, status);
      }
    }),
  );
  return entries.map((entry) => ({ entryId: entry.entryId, status: statuses.get(entry.entryId) ?? "RETRY" }));
}

export function retryAll(body: unknown) {
  if (isBulk(body)) return { statuses: body.entries.map((e) => ({ entryId: e.entryId, status: "RETRY" })) };
  return { status: "RETRY" };
}

function isBulk(body: unknown): body is { entries: BulkEntry[] } {
  return (
    typeof body === "object" &&
    body !== null &&
    "entries" in body &&
    Array.isArray(body.entries) &&
    body.entries.every((e: unknown) => typeof e === "object" && e !== null && "entryId" in e)
  );
}
