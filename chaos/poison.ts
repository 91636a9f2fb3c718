// A poison event injected on purpose: a well-formed CloudEvent envelope (so the relay and the
// transport carry it like any other) whose data no consumer can accept. Every consumer of its
// topic must dead-letter it once and carry on with the user's later events.
import { randomUUID } from "node:crypto";
import { TOPICS, type TCloudEventEnvelope } from "@taskboard/events";
import type pg from "pg";

export async function injectPoison(pool: pg.Pool, userId: string): Promise<string> {
  const id = randomUUID();
  const event: TCloudEventEnvelope = {
    specversion: "1.0",
    id,
    source: "/taskboard/chaos",
    type: "task.updated",
    subject: randomUUID(),
    time: new Date().toISOString(),
    datacontenttype: "application/json",
    dataversion: 1,
    partitionkey: userId,
    correlationid: id,
    causationid: id,
    data: { task: "not a task snapshot", changedFields: 42 },
  };
  // The outbox insert is how every real change enters the pipeline (its trigger wakes the relay).
  await pool.query(
    `INSERT INTO outbox_events (id, topic, type, partition_key, event) VALUES ($1, $2, $3, $4, $5)`,
    [id, TOPICS.taskEvents, event.type, userId, JSON.stringify(event)],
  );
  return id;
}
