// What every audit entry takes from its event's envelope, whatever the event: ids, owner, type,
// actor, time and the causal chain. The entry kinds add the task, version, snapshots and diff.
import { randomUUID } from "node:crypto";
import type { AuditEntryInput } from "@taskboard/db";
import type { TCloudEvent } from "@taskboard/events";
import { eventActor } from "./actor.ts";

type EnvelopeFields = Pick<AuditEntryInput, "id" | "eventId" | "userId" | "type" | "actor" | "occurredAt" | "correlationId" | "causationId">;

export function entryEnvelope(event: TCloudEvent): EnvelopeFields {
  return {
    id: randomUUID(),
    eventId: event.id,
    userId: event.partitionkey,
    type: event.type,
    actor: eventActor(event),
    occurredAt: new Date(event.time),
    correlationId: event.correlationid,
    causationId: event.causationid,
  };
}
