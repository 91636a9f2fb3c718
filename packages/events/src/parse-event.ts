// Consumers' side of validation: an incoming CloudEvent is checked against the envelope and the
// data schema registered for its type before any handler sees it.
import { ZCloudEventEnvelopeSchema, type TCloudEvent } from "./envelope.ts";
import type { EventData } from "./define-event.ts";
import { InvalidEventError } from "./errors.ts";
import { findEventDefinition, type TEventRegistry, type TEventType } from "./registry.ts";

export type TKnownEvent = {
  [K in TEventType]: TCloudEvent<K, EventData<TEventRegistry[K]>>;
}[TEventType];

export type ParseEventResult =
  | { ok: true; event: TKnownEvent }
  | { ok: false; error: InvalidEventError };

export function parseEvent(raw: unknown): ParseEventResult {
  const envelope = ZCloudEventEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    const type = typeof raw === "object" && raw && "type" in raw ? String(raw.type) : "unknown";
    return { ok: false, error: new InvalidEventError(type, envelope.error) };
  }
  const definition = findEventDefinition(envelope.data.type);
  if (!definition) {
    return {
      ok: false,
      error: new InvalidEventError(envelope.data.type, `unknown event type "${envelope.data.type}"`),
    };
  }
  if (envelope.data.dataversion !== definition.version) {
    return {
      ok: false,
      error: new InvalidEventError(
        envelope.data.type,
        `unsupported dataversion ${envelope.data.dataversion} (expected ${definition.version})`,
      ),
    };
  }
  const data = definition.data.safeParse(envelope.data.data);
  if (!data.success) {
    return { ok: false, error: new InvalidEventError(envelope.data.type, data.error) };
  }
  return { ok: true, event: { ...envelope.data, data: data.data } as TKnownEvent };
}
