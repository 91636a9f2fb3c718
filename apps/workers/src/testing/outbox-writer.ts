// Writes task events into the outbox the way the web app does: in a transaction, via
// insertOutboxEvents. Used by the relay tests, the crash test and the benchmark.
import { insertOutboxEvents, type Db } from "@taskboard/db";
import { TOPICS, type TCloudEvent } from "@taskboard/events";
import { sampleEvent, sampleTask } from "@taskboard/events/contract";

/** Events of one task per user, versions 1..n, in the order they must be consumed. */
export function taskEventSeries(userId: string, count: number, taskId?: string): TCloudEvent[] {
  const task = sampleTask(userId, taskId ? { id: taskId } : {});
  return Array.from({ length: count }, (_, i) =>
    sampleEvent(i === 0 ? "task.created" : "task.updated", userId, { ...task, version: i + 1 }),
  );
}

export async function writeOutbox(db: Db, events: readonly TCloudEvent[]): Promise<void> {
  await db.$transaction(async (tx) => insertOutboxEvents(tx, TOPICS.taskEvents, events));
}
