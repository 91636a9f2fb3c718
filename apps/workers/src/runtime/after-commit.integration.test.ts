// ConsumerContext.afterCommit: an effect queued by a handler runs only once its transaction has
// committed; a rollback or a duplicate delivery never runs it.
import { createTestDatabase, type TestDatabase } from "@taskboard/db/testing";
import { TOPICS } from "@taskboard/events";
import { sampleEvent } from "@taskboard/events/contract";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDatabaseUrl } from "../testing/admin-database-url.ts";
import { createProbeTable, probeConsumer, probeEffects } from "../testing/probe-consumer.ts";
import { createConsumerSubscription } from "./consumer-subscription.ts";

const log = pino({ level: "silent" });

describe("afterCommit", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(adminDatabaseUrl());
    await createProbeTable(database.db);
  });
  afterAll(() => database.drop());

  it("runs after the commit, with the effect visible, and not again for a duplicate", async () => {
    const seen: number[] = [];
    const consumer = probeConsumer("after-commit", (_event, { afterCommit }) => {
      afterCommit(async () => {
        seen.push((await probeEffects(database.db, "after-commit")).length);
      });
    });
    const subscription = createConsumerSubscription(consumer, { db: database.db, log });
    const event = sampleEvent("task.created", "user-a");
    expect(await subscription.handle({ topic: TOPICS.taskEvents, event, attempt: 1 })).toBe("SUCCESS");
    expect(seen).toEqual([1]);
    expect(await subscription.handle({ topic: TOPICS.taskEvents, event, attempt: 2 })).toBe("SUCCESS");
    expect(seen).toEqual([1]);
  });

  it("never runs when the transaction rolls back", async () => {
    let ran = 0;
    const consumer = probeConsumer("after-rollback", (_event, { afterCommit }) => {
      afterCommit(() => void ran++);
      throw new Error("fails after queueing");
    });
    const subscription = createConsumerSubscription(consumer, { db: database.db, log });
    const status = await subscription.handle({ topic: TOPICS.taskEvents, event: sampleEvent("task.created", "user-a"), attempt: 1 });
    expect(status).toBe("RETRY");
    expect(ran).toBe(0);
  });

  it("keeps SUCCESS when a post-commit effect throws (the effect is committed)", async () => {
    const consumer = probeConsumer("after-throws", (_event, { afterCommit }) => {
      afterCommit(() => {
        throw new Error("socket server gone");
      });
    });
    const subscription = createConsumerSubscription(consumer, { db: database.db, log });
    const status = await subscription.handle({ topic: TOPICS.taskEvents, event: sampleEvent("task.created", "user-a"), attempt: 1 });
    expect(status).toBe("SUCCESS");
    expect(await probeEffects(database.db, "after-throws")).toHaveLength(1);
  });
});
