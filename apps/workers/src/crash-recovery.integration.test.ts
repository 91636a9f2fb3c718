// The crash test: the real workers process is SIGKILLed in the middle of a burst of outbox
// events and restarted; every event's effect must then exist exactly once, in each user's order.
// CRASH_TEST_EVENTS sets the burst size (default 5,000: about 21 s on the 2-core machine when it is
// otherwise idle, as CI's is; lower it when running beside other heavy work).
import { freePort } from "@taskboard/db/ports";
import { createTestDatabase, type TestDatabase } from "@taskboard/db/testing";
import { waitFor } from "@taskboard/events/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDatabaseUrl } from "./testing/admin-database-url.ts";
import { taskEventSeries, writeOutbox } from "./testing/outbox-writer.ts";
import { createProbeTable, probeEffects } from "./testing/probe-consumer.ts";
import { spawnWorker, waitForReady, type SpawnedWorker } from "./testing/spawn-worker.ts";

const TOTAL = Number(process.env.CRASH_TEST_EVENTS ?? 5_000);
const USERS = 8;
const PER_TX = 25;

describe("crash recovery of the workers process", () => {
  let database: TestDatabase;
  const workers: SpawnedWorker[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(adminDatabaseUrl());
    await createProbeTable(database.db);
  });
  afterAll(async () => {
    for (const worker of workers) worker.child.kill("SIGKILL");
    await database.drop();
  });

  async function startWorker() {
    const port = await freePort();
    const worker = spawnWorker("src/testing/probe-worker.ts", {
      DATABASE_URL: database.url,
      WORKERS_PORT: String(port),
      EVENT_BUS: "embedded",
      LOG_LEVEL: "warn",
      BUS_STALE_LOCK_MS: "2000",
      RELAY_BATCH_SIZE: "200",
      WORKER_CONCURRENCY: "8",
    });
    workers.push(worker);
    await waitForReady(port, worker);
    return worker;
  }

  it(`applies each of ${TOTAL} events exactly once, in order per user, across a SIGKILL`, { timeout: 180_000 }, async () => {
    const perUser = Math.ceil(TOTAL / USERS);
    const series = Array.from({ length: USERS }, (_, u) => taskEventSeries(`crash-user-${u}`, perUser));
    const total = perUser * USERS;
    let written = 0;
    let killAt = Math.floor(total * 0.4);

    const first = await startWorker();
    let killed: Promise<unknown> | undefined;
    // One writer per user (like concurrent requests), each committing PER_TX events at a time.
    await Promise.all(
      series.map(async (events) => {
        for (let i = 0; i < events.length; i += PER_TX) {
          await writeOutbox(database.db, events.slice(i, i + PER_TX));
          written += Math.min(PER_TX, events.length - i);
          if (!killed && written >= killAt) {
            killAt = Infinity;
            // Mid-burst: let it be busy relaying and consuming, then kill it without warning.
            await waitFor("some effects before the kill", async () => (await probeEffects(database.db, "probe")).length > 0, 30_000);
            first.child.kill("SIGKILL");
            killed = first.exited;
          }
        }
      }),
    );
    expect(await killed).toMatchObject({ signal: "SIGKILL" });
    const before = (await probeEffects(database.db, "probe")).length;
    expect(before).toBeLessThan(total);

    await startWorker();
    await waitFor(
      "every effect after the restart",
      async () => (await database.db.$queryRaw<{ n: bigint }[]>`SELECT count(DISTINCT event_id) AS n FROM probe_effects`)[0]?.n === BigInt(total),
      150_000,
    );
    await new Promise((r) => setTimeout(r, 500));

    const effects = await probeEffects(database.db, "probe");
    expect(effects).toHaveLength(total); // no effect twice
    for (const events of series) {
      const user = events[0]?.partitionkey;
      expect(effects.filter((e) => e.user_id === user).map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
    }
    expect(await database.db.outboxEvent.count({ where: { publishedAt: null } })).toBe(0);
  });
});
