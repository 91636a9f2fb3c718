// Dead letters: events a consumer gave up on, kept for operators to inspect and replay.
import { createHash, randomUUID } from "node:crypto";
import type { Tx } from "../client.ts";

export interface DeadLetterInput {
  consumer: string;
  topic: string;
  /** The event as delivered; may be malformed, even not an object. */
  event: unknown;
  error: string;
  attempts: number;
}

export interface DeadLetterRow {
  id: string;
  consumer: string;
  topic: string;
  eventId: string;
  event: unknown;
  error: string;
  attempts: number;
  failedAt: Date;
  replayedAt: Date | null;
}

const select = {
  id: true,
  consumer: true,
  topic: true,
  eventId: true,
  event: true,
  error: true,
  attempts: true,
  failedAt: true,
  replayedAt: true,
} as const;

/** The CloudEvent id, or a digest of the payload when it has none (a malformed event). */
export function deadLetterEventId(event: unknown): string {
  if (event && typeof event === "object" && "id" in event && typeof event.id === "string" && event.id) {
    return event.id;
  }
  return `sha256:${createHash("sha256").update(JSON.stringify(event) ?? "undefined").digest("hex")}`;
}

/**
 * Idempotent per (consumer, event): a transport that records the same letter twice (it crashed
 * in between) or a replay that fails again updates the one row and makes it pending again.
 */
export async function recordDeadLetter(tx: Tx, letter: DeadLetterInput): Promise<DeadLetterRow> {
  const eventId = deadLetterEventId(letter.event);
  const event = (letter.event ?? null) as object;
  return tx.deadLetter.upsert({
    where: { consumer_eventId: { consumer: letter.consumer, eventId } },
    create: {
      id: randomUUID(),
      consumer: letter.consumer,
      topic: letter.topic,
      eventId,
      event,
      error: letter.error,
      attempts: letter.attempts,
    },
    update: { event, error: letter.error, attempts: letter.attempts, failedAt: new Date(), replayedAt: null },
    select,
  });
}

export interface ListDeadLettersOptions {
  consumer?: string;
  /** Include letters already replayed successfully. */
  includeReplayed?: boolean;
  limit?: number;
}

/** Newest first. */
export async function listDeadLetters(tx: Tx, options: ListDeadLettersOptions = {}): Promise<DeadLetterRow[]> {
  return tx.deadLetter.findMany({
    where: {
      ...(options.consumer ? { consumer: options.consumer } : {}),
      ...(options.includeReplayed ? {} : { replayedAt: null }),
    },
    orderBy: [{ failedAt: "desc" }, { id: "asc" }],
    take: options.limit ?? 100,
    select,
  });
}

export async function findDeadLetter(tx: Tx, id: string): Promise<DeadLetterRow | null> {
  return tx.deadLetter.findUnique({ where: { id }, select });
}

export async function markDeadLetterReplayed(tx: Tx, id: string): Promise<void> {
  await tx.deadLetter.update({ where: { id }, data: { replayedAt: new Date() }, select: { id: true } });
}
