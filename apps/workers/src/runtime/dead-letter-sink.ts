// Where the transport puts what a consumer gave up on: the dead_letters table, for operators.
import { recordDeadLetter, type Db } from "@taskboard/db";
import type { DeadLetterSink } from "@taskboard/events";
import type { Logger } from "pino";
import type { Metrics } from "../metrics.ts";

export function createDeadLetterSink(deps: { db: Db; log: Logger; metrics?: Metrics }): DeadLetterSink {
  return async (letter) => {
    const row = await recordDeadLetter(deps.db, letter);
    deps.metrics?.eventsDeadLettered.inc({ consumer: letter.consumer });
    deps.log.error(
      { consumer: letter.consumer, topic: letter.topic, eventId: row.eventId, deadLetterId: row.id, attempts: letter.attempts, error: letter.error },
      "event dead-lettered",
    );
  };
}
