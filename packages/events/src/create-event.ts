// Builds a validated CloudEvent. Publishers call this before writing the outbox row, so an
// invalid payload fails loudly at the call site and is never written.
import { randomUUID } from "node:crypto";
import type { EventData, EventDefinition } from "./define-event.ts";
import type { TCloudEvent } from "./envelope.ts";
import { InvalidEventError } from "./errors.ts";

export interface CreateEventInput<TDef extends EventDefinition> {
  data: EventData<TDef>;
  /** The task id the event is about. */
  subject: string;
  /** The unit of ordering: the task's creator for task events, the project for project events. */
  partitionKey: string;
  /** The person who acted; omit when a consumer acts on its own. */
  actorId?: string;
  /** Which part of the system emits it, e.g. "/taskboard/web". */
  source: string;
  /** The event that caused this one; omit for a user's own action. */
  cause?: Pick<TCloudEvent, "id" | "correlationid">;
  traceparent?: string;
  id?: string;
  time?: Date;
}

export function createEvent<TDef extends EventDefinition>(
  definition: TDef,
  input: CreateEventInput<TDef>,
): TCloudEvent<TDef["type"], EventData<TDef>> {
  const parsed = definition.data.safeParse(input.data);
  if (!parsed.success) {
    throw new InvalidEventError(definition.type, parsed.error);
  }
  const id = input.id ?? randomUUID();
  return {
    specversion: "1.0",
    id,
    source: input.source,
    type: definition.type,
    subject: input.subject,
    time: (input.time ?? new Date()).toISOString(),
    datacontenttype: "application/json",
    dataversion: definition.version,
    partitionkey: input.partitionKey,
    ...(input.actorId ? { actorid: input.actorId } : {}),
    correlationid: input.cause?.correlationid ?? id,
    causationid: input.cause?.id ?? id,
    ...(input.traceparent ? { traceparent: input.traceparent } : {}),
    data: parsed.data as EventData<TDef>,
  };
}
