// The operator commands as an operator runs them: real processes against a real database.
import { countProcessedEvents, listDeadLetters, listUserChangesSince, recordDeadLetter } from "@taskboard/db";
import { createTestDatabase, type TestDatabase } from "@taskboard/db/testing";
import { eventRegistry, TOPICS, type TCloudEvent, type TTopic } from "@taskboard/events";
import { ALL_EVENT_TYPES, sampleEvent, waitFor } from "@taskboard/events/contract";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkers } from "../start-workers.ts";
import { consumers } from "../consumers/index.ts";
import { TEST_SECRET } from "../realtime/testing/socket-clients.ts";
import { adminDatabaseUrl } from "../testing/admin-database-url.ts";
import { embeddedWorkersConfig } from "../testing/embedded-workers-config.ts";
import { writeOutbox, taskEventSeries } from "../testing/outbox-writer.ts";
import { SPAWNED_PROCESS_TIMEOUT_MS, spawnWorker } from "../testing/spawn-worker.ts";

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

  async function jobsLeft(): Promise<number> {
    const rows = await database.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM graphile_worker.jobs`);
    return Number(rows[0]?.n ?? 0);
  }

  // Three CLI processes, one after the other.
  it("lists dead letters and replays them through their consumer", { timeout: 3 * SPAWNED_PROCESS_TIMEOUT_MS }, async () => {
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

  it("replays a dead letter through every consumer the workers run, live updates' included", async () => {
    // The workers as main.ts starts them (live updates on), while every consumer's transaction
    // fails: each one that receives an event dead-letters it.
    const workers = await startWorkers(
      embeddedWorkersConfig(database.url, { realtime: { port: 0, tokenSecret: TEST_SECRET, maxFrameBytes: 16_384 } }),
      consumers,
      pino({ level: "silent" }),
    );
    await database.db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_processed() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'database hiccup (test)'; END $$ LANGUAGE plpgsql`);
    await database.db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_processed BEFORE INSERT ON processed_events FOR EACH ROW EXECUTE FUNCTION refuse_processed()`,
    );
    const byTopic = new Map<TTopic, TCloudEvent[]>();
    for (const type of ALL_EVENT_TYPES) {
      const event = sampleEvent(type, "user-replay");
      const topic = eventRegistry[type].topic;
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), event]);
    }
    try {
      for (const [topic, events] of byTopic) await workers.bus.publish(topic, events);
      await waitFor("every delivery dead-lettered", async () => (await jobsLeft()) === 0, 60_000);
    } finally {
      await workers.stop();
      await database.db.$executeRawUnsafe(`DROP TRIGGER refuse_processed ON processed_events`);
    }

    const replayed = await run("src/cli/deadletters.ts", "replay", "--all");
    expect(replayed.output).not.toContain("does not exist");
    expect(replayed.code).toBe(0);
    expect(await listDeadLetters(database.db)).toEqual([]);
    const published = [...byTopic.values()].flat();
    for (const consumer of consumers) {
      const handled = published.filter((event) => consumer.events.some((definition) => definition.type === event.type));
      const processed = await database.db.processedEvent.count({
        where: { consumer: consumer.name, eventId: { in: published.map((event) => event.id) } },
      });
      expect({ consumer: consumer.name, processed }).toEqual({ consumer: consumer.name, processed: handled.length });
    }
    // No socket server in the CLI: the live-update consumers still append to the user's feed,
    // where the tabs catch up.
    const feed = await listUserChangesSince(database.db, { userId: "user-replay", afterSeq: 0, limit: 100 });
    expect(new Set(feed.changes.map((change) => change.kind))).toEqual(new Set(["task.upserted", "task.removed", "notification", "audit"]));
  }, 90_000 + SPAWNED_PROCESS_TIMEOUT_MS);

  it("shows the outbox lag", { timeout: SPAWNED_PROCESS_TIMEOUT_MS }, async () => {
    await writeOutbox(database.db, taskEventSeries("user-a", 3));
    const { code, output } = await run("src/cli/outbox-lag.ts");
    expect(code).toBe(0);
    expect(output).toMatch(/unpublished events:\s+3/);
  });
});
