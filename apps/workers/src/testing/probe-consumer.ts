// A consumer for tests whose effect is a row per handled event in `probe_effects` (a table the
// tests create; it has no unique key, so a duplicated effect would show as two rows).
import type { Db } from "@taskboard/db";
import { TASK_EVENT_DEFINITIONS, TOPICS } from "@taskboard/events";
import { defineConsumer, type ConsumerContext, type EventOf } from "../runtime/define-consumer.ts";

export async function createProbeTable(db: Db): Promise<void> {
  await db.$executeRawUnsafe(`
    CREATE TABLE IF NOT EXISTS probe_effects (
      seq        bigserial PRIMARY KEY,
      consumer   text NOT NULL,
      event_id   text NOT NULL,
      user_id    text NOT NULL,
      version    integer NOT NULL,
      attempt    integer NOT NULL
    )`);
}

const taskEventDefinitions = TASK_EVENT_DEFINITIONS;
type TaskEvent = EventOf<(typeof taskEventDefinitions)[number]>;

/** `before` runs first inside the transaction; throw from it to simulate a failing handler. */
export function probeConsumer(name: string, before?: (event: TaskEvent, context: ConsumerContext) => Promise<void> | void) {
  return defineConsumer({
    name,
    topic: TOPICS.taskEvents,
    events: taskEventDefinitions,
    async handle(event, context) {
      await before?.(event, context);
      await context.tx.$executeRaw`
        INSERT INTO probe_effects (consumer, event_id, user_id, version, attempt)
        VALUES (${name}, ${event.id}, ${event.partitionkey}, ${event.data.task.version}, ${context.attempt})`;
    },
  });
}

export interface ProbeEffect {
  seq: bigint;
  consumer: string;
  event_id: string;
  user_id: string;
  version: number;
  attempt: number;
}

export async function probeEffects(db: Db, consumer: string): Promise<ProbeEffect[]> {
  return db.$queryRaw<ProbeEffect[]>`SELECT * FROM probe_effects WHERE consumer = ${consumer} ORDER BY seq`;
}
