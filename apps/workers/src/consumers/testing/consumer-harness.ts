// Consumer integration tests: a fresh database, the real workers (embedded bus, outbox relay on)
// running the given consumers, and task writes made the way the web makes them (row + event in
// one transaction), so a test follows one change through relay, bus and consumers.
import { randomUUID } from "node:crypto";
import {
  findInboxId,
  findTaskById,
  insertOutboxEvents,
  insertTask,
  taskRowToSnapshot,
  updateTaskAtVersion,
  type Db,
  type TaskWriteData,
} from "@taskboard/db";
import { createTestDatabase, type TestDatabase } from "@taskboard/db/testing";
import {
  createEvent,
  taskCompleted,
  taskCreated,
  taskDeleted,
  taskReopened,
  taskRestored,
  taskUpdated,
  type TTaskSnapshot,
} from "@taskboard/events";
import pino from "pino";
import { startWorkers, type RunningWorkers } from "../../start-workers.ts";
import type { ConsumerDefinition } from "../../runtime/define-consumer.ts";
import { adminDatabaseUrl } from "../../testing/admin-database-url.ts";

const log = pino({ level: "silent" });
export const WEB_SOURCE = "/taskboard/web";

export interface Harness {
  database: TestDatabase;
  db: Db;
  workers?: RunningWorkers;
  start(consumers: readonly ConsumerDefinition[]): Promise<RunningWorkers>;
  stop(): Promise<void>;
}

export async function openHarness(): Promise<Harness> {
  const database = await createTestDatabase(adminDatabaseUrl());
  const harness: Harness = {
    database,
    db: database.db,
    async start(consumers) {
      harness.workers = await startWorkers(
        {
          bus: {
            kind: "embedded",
            databaseUrl: database.url,
            retry: { maxRetries: 2, initialDelayMs: 50 },
            concurrency: 4,
            staleLockMs: 30_000,
            daprSettings: {},
          },
          port: 0,
          relay: { enabled: true, batchSize: 100, pollIntervalMs: 100 },
        },
        consumers,
        log,
      );
      return harness.workers;
    },
    async stop() {
      await harness.workers?.stop();
      harness.workers = undefined;
      await database.drop();
    },
  };
  return harness;
}

/** The value, or a test failure naming what was missing. */
export function must<T>(value: T | null | undefined, what = "value"): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}`);
  return value;
}

export async function insertUser(db: Db, name = "Ada"): Promise<string> {
  const id = randomUUID();
  await db.user.create({ data: { id, name, email: `${name.toLowerCase()}-${id.slice(0, 8)}@example.test` } });
  return id;
}

export async function insertTag(db: Db, userId: string, name: string): Promise<string> {
  const tag = await db.tag.create({ data: { id: randomUUID(), userId, name } });
  return tag.id;
}

/** Creates a task and its task.created event in one transaction, as task.create does. */
export async function createTask(
  db: Db,
  userId: string,
  data: TaskWriteData & { title: string },
  tagIds: string[] = [],
): Promise<TTaskSnapshot> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const id = randomUUID();
    const projectId = data.projectId ?? (await findInboxId(tx, userId));
    const recurring = data.rrule != null;
    const row = await insertTask(tx, {
      id,
      userId,
      now,
      tagIds,
      data: {
        recurrenceMode: recurring ? "FIXED" : null,
        seriesId: recurring ? randomUUID() : null,
        seriesStartAt: recurring ? (data.dueAt ?? null) : null,
        ...data,
        projectId,
      },
    });
    const task = taskRowToSnapshot(row) as TTaskSnapshot;
    const event = createEvent(taskCreated, { data: { task }, subject: id, partitionKey: userId, source: WEB_SOURCE, time: now });
    await insertOutboxEvents(tx, taskCreated.topic, [event]);
    return task;
  });
}

const TRANSITIONS = {
  complete: { definition: taskCompleted, data: (now: Date): TaskWriteData => ({ status: "COMPLETED", completedAt: now }) },
  reopen: { definition: taskReopened, data: (): TaskWriteData => ({ status: "OPEN", completedAt: null }) },
  delete: { definition: taskDeleted, data: (now: Date): TaskWriteData => ({ deletedAt: now }) },
  restore: { definition: taskRestored, data: (): TaskWriteData => ({ deletedAt: null }) },
} as const;

/** complete / reopen / delete / restore, with its event, as the web's transitions do. */
export async function transitionTask(
  db: Db,
  task: Pick<TTaskSnapshot, "id" | "userId">,
  kind: keyof typeof TRANSITIONS,
  now = new Date(),
): Promise<TTaskSnapshot> {
  const { definition, data } = TRANSITIONS[kind];
  return changeTask(db, task, data(now), now, (next) =>
    createEvent(definition, { data: { task: next }, subject: next.id, partitionKey: next.userId, source: WEB_SOURCE, time: now }),
  );
}

/** task.update with previous, new snapshot and changed fields. */
export async function updateTask(db: Db, task: Pick<TTaskSnapshot, "id" | "userId">, patch: TaskWriteData): Promise<TTaskSnapshot> {
  const now = new Date();
  let previous: TTaskSnapshot | undefined;
  return changeTask(
    db,
    task,
    patch,
    now,
    (next) =>
      createEvent(taskUpdated, {
        data: { previous: must(previous, "the previous snapshot"), task: next, changedFields: Object.keys(patch) },
        subject: next.id,
        partitionKey: next.userId,
        source: WEB_SOURCE,
        time: now,
      }),
    (current) => void (previous = current),
  );
}

async function changeTask(
  db: Db,
  task: Pick<TTaskSnapshot, "id" | "userId">,
  data: TaskWriteData,
  now: Date,
  event: (next: TTaskSnapshot) => ReturnType<typeof createEvent>,
  seen?: (current: TTaskSnapshot) => void,
): Promise<TTaskSnapshot> {
  return db.$transaction(async (tx) => {
    const current = await findTaskById(tx, task.id);
    if (!current) throw new Error(`no task ${task.id}`);
    seen?.(taskRowToSnapshot(current) as TTaskSnapshot);
    if (!(await updateTaskAtVersion(tx, { id: task.id, expectedVersion: current.version, data, now }))) {
      throw new Error("version conflict");
    }
    const row = await findTaskById(tx, task.id);
    const next = taskRowToSnapshot(must(row, "the changed task")) as TTaskSnapshot;
    const created = event(next);
    await insertOutboxEvents(tx, created.type.startsWith("task.") ? "task-events" : "reminders", [created]);
    return next;
  });
}
