// Where the transport puts what a consumer gave up on: the dead_letters table, for operators.
import { hasProcessedEvent, recordDeadLetter, type Db } from "@taskboard/db";
import type { DeadLetterSink } from "@taskboard/events";
import type { Logger } from "pino";
import type { Metrics } from "../metrics.ts";

export function createDeadLetterSink(deps: { db: Db; log: Logger; metrics?: Metrics }): DeadLetterSink {
  return async (letter) => {
    // daprd's dead-letter topic names no consumer, so the Dapr transport files one letter per
    // consumer of the topic; one that already applied the event needs none.
    const eventId = eventIdOf(letter.event);
    if (eventId && (await hasProcessedEvent(deps.db, letter.consumer, eventId))) {
      deps.log.info({ consumer: letter.consumer, topic: letter.topic, eventId }, "dead letter skipped: the consumer already applied this event");
      return;
    }
    const row = await recordDeadLetter(deps.db, letter);
    deps.metrics?.eventsDeadLettered.inc({ consumer: letter.consumer });
    deps.log.error(
      { consumer: letter.consumer, topic: letter.topic, eventId: row.eventId, deadLetterId: row.id, attempts: letter.attempts, error: letter.error },
      "event dead-lettered",
    );
  };
}

function eventIdOf(event: unknown): string | undefined {
  const id = typeof event === "object" && event !== null ? (event as { id?: unknown }).id : undefined;
  return typeof id === "string" ? id : undefined;
}
