// Writes a task's CloudEvent into the outbox inside the caller's transaction (never after
// commit: that would be a dual write). createEvent validates the payload, so an invalid
// snapshot aborts the whole transaction.
import { insertOutboxEvents, type Tx } from "@taskboard/db";
import { createEvent, type EventData, type EventDefinition } from "@taskboard/events";
import { activeTraceparent } from "@/server/tracing/trace-context";

export const WEB_EVENT_SOURCE = "/taskboard/web";

export async function recordTaskEvent<TDef extends EventDefinition>(
  tx: Tx,
  definition: TDef,
  params: { taskId: string; userId: string; data: EventData<TDef>; now: Date },
): Promise<void> {
  const event = createEvent(definition, {
    data: params.data,
    subject: params.taskId,
    partitionKey: params.userId,
    source: WEB_EVENT_SOURCE,
    // The procedure's span: the relay and every consumer continue this trace.
    traceparent: activeTraceparent(),
    time: params.now,
  });
  await insertOutboxEvents(tx, definition.topic, [event]);
}
