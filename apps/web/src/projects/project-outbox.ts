// Writes project events (project.*, section.*, invitation.*, member.*) into the outbox inside the
// caller's transaction. Partition key: the project's id, so a project's own changes reach each
// consumer in commit order (docs/projects.md, "Ordering"); the person who acted travels as `actorid`.
import { insertOutboxEvents, type Tx } from "@taskboard/db";
import { createEvent, type EventData, type EventDefinition } from "@taskboard/events";
import { activeTraceparent } from "@/server/tracing/trace-context";
import { WEB_EVENT_SOURCE } from "@/tasks/task-outbox";

interface TProjectEventInput<TDef extends EventDefinition> {
  /** What the event is about: the project, section or invitation id, or the member's user id. */
  subject: string;
  data: EventData<TDef>;
}

/** Events of one definition about one project, caused by one person, in one insert. */
export async function recordProjectEvents<TDef extends EventDefinition>(
  tx: Tx,
  definition: TDef,
  params: { projectId: string; actorId: string; now: Date; events: readonly TProjectEventInput<TDef>[] },
): Promise<void> {
  const traceparent = activeTraceparent();
  const events = params.events.map(({ subject, data }) =>
    createEvent(definition, {
      data,
      subject,
      partitionKey: params.projectId,
      actorId: params.actorId,
      source: WEB_EVENT_SOURCE,
      traceparent,
      time: params.now,
    }),
  );
  await insertOutboxEvents(tx, definition.topic, events);
}

export async function recordProjectEvent<TDef extends EventDefinition>(
  tx: Tx,
  definition: TDef,
  params: { projectId: string; actorId: string; now: Date } & TProjectEventInput<TDef>,
): Promise<void> {
  await recordProjectEvents(tx, definition, { projectId: params.projectId, actorId: params.actorId, now: params.now, events: [params] });
}
