// Scheduled jobs on the embedded transport when their handler keeps failing past its retries
// (the database down longer than 1 s + 2 s + 4 s): the job must come back later, never be lost.
import { createTestDatabase, type TestDatabase } from "@taskboard/db/testing";
import { waitFor } from "@taskboard/events/contract";
import { createEmbeddedBus } from "./index.ts";
import type { EventBus } from "@taskboard/events";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { adminDatabaseUrl } from "../../testing/admin-database-url.ts";

let database: TestDatabase | undefined;
let bus: EventBus | undefined;
afterEach(async () => {
  await bus?.stop();
  await database?.drop();
  bus = database = undefined;
});

/** A bus on a fresh database; jobs are what these tests look at, so dead letters go nowhere. */
async function freshBus(retry: { maxRetries: number; initialDelayMs: number }, concurrency: number) {
  database = await createTestDatabase(adminDatabaseUrl());
  const created = createEmbeddedBus({
    connectionString: database.url,
    retry,
    onDeadLetter: async () => undefined,
    concurrency,
    pollIntervalMs: 200,
    log: pino({ level: "silent" }),
  });
  bus = created;
  return created;
}

describe("embedded transport: scheduled jobs", () => {
  it("runs a job again later when it still answers RETRY after its retries, until it succeeds once", async () => {
    const bus = await freshBus({ maxRetries: 1, initialDelayMs: 50 }, 2);
    let calls = 0;
    let successes = 0;
    bus.onJob(async () => {
      calls++;
      // Two full rounds of retries fail (2 calls each), the third round succeeds.
      if (calls <= 4) return "RETRY";
      successes++;
      return "SUCCESS";
    });
    await bus.start();
    await bus.schedule({ name: "reminder:task-1:1", at: new Date(), payload: {} });
    await waitFor("the job to succeed", () => successes === 1, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect({ calls, successes }).toEqual({ calls: 5, successes: 1 });
  }, 90_000);

  it("a job rescheduled while a batch of its queue runs is not completed with the batch: it runs with its new payload", async () => {
    const busInstance = await freshBus({ maxRetries: 0, initialDelayMs: 50 }, 1);
    const fired: unknown[] = [];
    let rescheduled = false;
    busInstance.onJob(
      async (job) => {
        fired.push(job.payload);
        return "SUCCESS";
      },
      async (jobs) => {
        // Like the reminders consumer rescheduling a reminder while a batch of them fires.
        if (!rescheduled) {
          rescheduled = true;
          await busInstance.schedule({ name: "reminder:b", at: new Date(), payload: { v: 2 }, partitionKey: "user-1" });
        }
        for (const job of jobs) fired.push(job.payload);
        return true;
      },
    );
    const at = new Date(Date.now() + 1_500);
    for (const name of ["reminder:a", "reminder:b", "reminder:c"]) {
      await busInstance.schedule({ name, at, payload: { v: 1, name }, partitionKey: "user-1" });
    }
    await busInstance.start();
    await waitFor("the rescheduled job to run", () => fired.some((p) => (p as { v: number }).v === 2), 30_000);
    expect(fired).toContainEqual({ v: 2 });
  }, 60_000);
});

