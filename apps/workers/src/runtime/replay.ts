// Operator replay: a dead letter goes back through the very same consumer path (validation,
// idempotency record, handler, classification) once more. Success marks it replayed; failure
// updates the letter with the new error, so nothing is lost either way.
import { markDeadLetterReplayed, recordDeadLetter, type DeadLetterRow, type Db } from "@taskboard/db";
import { ZTopicSchema, type Subscription } from "@taskboard/events";

export interface ReplayResult {
  id: string;
  ok: boolean;
  error?: string;
}

export async function replayDeadLetter(db: Db, letter: DeadLetterRow, subscription: Subscription): Promise<ReplayResult> {
  const topic = ZTopicSchema.parse(letter.topic);
  const delivery = { topic, event: letter.event, attempt: letter.attempts + 1 } as Parameters<Subscription["handle"]>[0];
  const status = await subscription.handle(delivery);
  if (status === "SUCCESS") {
    await markDeadLetterReplayed(db, letter.id);
    return { id: letter.id, ok: true };
  }
  const error = delivery.error ?? `handler answered ${status}`;
  await recordDeadLetter(db, {
    consumer: letter.consumer,
    topic: letter.topic,
    event: letter.event,
    error,
    attempts: letter.attempts + 1,
  });
  return { id: letter.id, ok: false, error };
}
