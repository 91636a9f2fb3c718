// The dead-letter store: what a consumer gave up on is kept for operators, except a letter for a
// consumer that already applied the event (daprd's dead-letter topic names no consumer, so the
// Dapr transport files one per consumer of the topic).
import { listDeadLetters, markEventProcessed } from "@taskboard/db";
import { createTestDatabase, type TestDatabase } from "@taskboard/db/testing";
import { TOPICS } from "@taskboard/events";
import { sampleEvent } from "@taskboard/events/contract";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDatabaseUrl } from "../testing/admin-database-url.ts";
import { createDeadLetterSink } from "./dead-letter-sink.ts";

describe("dead-letter sink", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(adminDatabaseUrl());
  });
  afterAll(async () => database?.drop());

  it("keeps the letter of a consumer that has not applied the event, and skips one that has", async () => {
    const sink = createDeadLetterSink({ db: database.db, log: pino({ level: "silent" }) });
    const event = sampleEvent("task.created", "user-dlq");
    await markEventProcessed(database.db, "audit", event.id);
    const letter = { topic: TOPICS.taskEvents, event, error: "daprd moved it", attempts: 0 };
    await sink({ ...letter, consumer: "audit" });
    await sink({ ...letter, consumer: "recurrence" });
    const letters = await listDeadLetters(database.db, {});
    expect(letters.map((l) => l.consumer)).toEqual(["recurrence"]);
  });
});
