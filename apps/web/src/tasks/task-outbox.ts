// Writes tasks' CloudEvents into the outbox inside the caller's transaction (never after
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
  await recordTaskEvents(tx, definition, { userId: params.userId, now: params.now, events: [params] });
}

/** One event per task, all of one user, in one insert (a change that touched many tasks). */
export async function recordTaskEvents<TDef extends EventDefinition>(
  tx: Tx,
  definition: TDef,
  params: { userId: string; now: Date; events: readonly { taskId: string; data: EventData<TDef> }[] },
): Promise<void> {
  // The procedure's span: the relay and every consumer continue this trace.
  const traceparent = activeTraceparent();
  const events = params.events.map(({ taskId, data }) =>
    createEvent(definition, {
      data,
      subject: taskId,
      partitionKey: params.userId,
      source: WEB_EVENT_SOURCE,
      traceparent,
      time: params.now,
    }),
  );
  await insertOutboxEvents(tx, definition.topic, events);
}
