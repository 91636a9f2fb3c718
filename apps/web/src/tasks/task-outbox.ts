// Writes tasks' CloudEvents into the outbox inside the caller's transaction (never after
// commit: that would be a dual write). createEvent validates the payload, so an invalid
// snapshot aborts the whole transaction.
//
// Partition key: the task's creator (task.userId), which never changes, so every consumer sees
// one task's events in commit order even when the task moves between projects or is changed by
// another member (docs/projects.md, "Ordering"). The person who acted travels as `actorid`.
import { insertOutboxEvents, type Tx } from "@taskboard/db";
import { createEvent, type EventData, type EventDefinition, type TTaskSnapshot } from "@taskboard/events";
import { activeTraceparent } from "@/server/tracing/trace-context";

export const WEB_EVENT_SOURCE = "/taskboard/web";

export async function recordTaskEvent<TDef extends EventDefinition>(
  tx: Tx,
  definition: TDef,
  params: { taskId: string; actorId: string; data: EventData<TDef>; now: Date },
): Promise<void> {
  await recordTaskEvents(tx, definition, { actorId: params.actorId, now: params.now, events: [params] });
}

/** One event per task, all caused by one person, in one insert (a change that touched many tasks). */
export async function recordTaskEvents<TDef extends EventDefinition>(
  tx: Tx,
  definition: TDef,
  params: { actorId: string; now: Date; events: readonly { taskId: string; data: EventData<TDef> }[] },
): Promise<void> {
  // The procedure's span: the relay and every consumer continue this trace.
  const traceparent = activeTraceparent();
  const events = params.events.map(({ taskId, data }) =>
    createEvent(definition, {
      data,
      subject: taskId,
      // Every task-events definition's data carries the task (createEvent validates it).
      partitionKey: (data as { task: TTaskSnapshot }).task.userId,
      actorId: params.actorId,
      source: WEB_EVENT_SOURCE,
      traceparent,
      time: params.now,
    }),
  );
  await insertOutboxEvents(tx, definition.topic, events);
}
