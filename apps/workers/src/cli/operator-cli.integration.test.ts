// The operator commands as an operator runs them: real processes against a real database.
import { countProcessedEvents, listDeadLetters, recordDeadLetter } from "@taskboard/db";
import { createTestDatabase, type TestDatabase } from "@taskboard/db/testing";
import { TOPICS } from "@taskboard/events";
import { sampleEvent } from "@taskboard/events/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDatabaseUrl } from "../testing/admin-database-url.ts";
import { writeOutbox, taskEventSeries } from "../testing/outbox-writer.ts";
import { spawnWorker } from "../testing/spawn-worker.ts";

describe("operator CLI", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(adminDatabaseUrl());
  });
  afterAll(() => database.drop());

  async function run(entry: string, ...args: string[]) {
    const cli = spawnWorker(entry, { DATABASE_URL: database.url, LOG_LEVEL: "warn" }, args);
    const { code } = await cli.exited;
    return { code, output: cli.output() };
  }

  it("lists dead letters and replays them through their consumer", async () => {
    const event = sampleEvent("task.completed", "user-a");
    await recordDeadLetter(database.db, {
      consumer: "log",
      topic: TOPICS.taskEvents,
      event,
      error: "Error: logging backend down",
      attempts: 4,
    });
    const listed = await run("src/cli/deadletters.ts", "list");
    expect(listed.code).toBe(0);
    expect(listed.output).toContain("task.completed");
    expect(listed.output).toContain("logging backend down");

    const replayed = await run("src/cli/deadletters.ts", "replay", "--all");
    expect(replayed.code).toBe(0);
    expect(replayed.output).toMatch(/replayed/);
    expect(await listDeadLetters(database.db)).toEqual([]);
    expect(await countProcessedEvents(database.db, "log")).toBe(1);

    const usage = await run("src/cli/deadletters.ts", "explode");
    expect(usage.code).toBe(2);
    expect(usage.output).toContain("usage: npm run deadletters");
  });

  it("shows the outbox lag", async () => {
    await writeOutbox(database.db, taskEventSeries("user-a", 3));
    const { code, output } = await run("src/cli/outbox-lag.ts");
    expect(code).toBe(0);
    expect(output).toMatch(/unpublished events:\s+3/);
  });
});
