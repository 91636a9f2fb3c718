// Integration-test helpers: a fresh migrated database per test file, users inserted directly,
// and tRPC callers acting as one of them.
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import type { Db } from "@taskboard/db";
import { createTestDatabase, type TestDatabase } from "@taskboard/db/testing";
import { parseEvent, type TKnownEvent } from "@taskboard/events";
import type { TSessionUser } from "@/server/session-user";
import { createCaller } from "@/trpc/app-router";

export async function openTestDatabase(): Promise<TestDatabase> {
  return createTestDatabase(inject("adminDatabaseUrl"));
}

export async function insertUser(db: Db, name = "Ada"): Promise<TSessionUser> {
  const id = randomUUID();
  const email = `${name.toLowerCase()}-${id.slice(0, 8)}@example.test`;
  await db.user.create({ data: { id, name, email } });
  return { id, name, email };
}

export function callerFor(db: Db, user: TSessionUser | null) {
  return createCaller({ db, user });
}

/** Every outbox row, oldest first, with its event parsed the way a consumer would. */
export async function readOutbox(db: Db): Promise<{ topic: string; type: string; partitionKey: string; event: TKnownEvent }[]> {
  const rows = await db.outboxEvent.findMany({ orderBy: { sequence: "asc" } });
  return rows.map((row) => {
    const parsed = parseEvent(row.event);
    if (!parsed.ok) throw parsed.error;
    return { topic: row.topic, type: row.type, partitionKey: row.partitionKey, event: parsed.event };
  });
}

export async function countOutbox(db: Db): Promise<number> {
  return db.outboxEvent.count();
}

/** Runs `run` while every outbox insert fails, as if the outbox were unavailable mid-transaction. */
export async function withBrokenOutbox<T>(db: Db, run: () => Promise<T>): Promise<T> {
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION refuse_outbox() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'outbox unavailable (test)'; END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(
    `CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox_events FOR EACH ROW EXECUTE FUNCTION refuse_outbox()`,
  );
  try {
    return await run();
  } finally {
    await db.$executeRawUnsafe(`DROP TRIGGER refuse_outbox ON outbox_events`);
  }
}

/** The value, or a test failure saying what was missing (instead of a non-null assertion). */
export function must<T>(value: T | null | undefined, what = "value"): T {
  if (value === null || value === undefined) throw new Error(`expected ${what} to exist`);
  return value;
}

// Provided by packages/db's vitest globalSetup (declared there too; repeated so this app's
// type check sees it).
declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}
