// `npm start` twice on one data folder: the second start meets a cluster that PostgreSQL keeps
// private (mode 700, owned by the "postgres" system user when started by root). It must start on
// it and find what the first run wrote, exactly as a user stopping with Ctrl-C and starting again.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "./client.ts";
import { startEmbeddedPostgres, tempDataDir, type RunningPostgres } from "./embedded.ts";
import { migrate } from "./migrate.ts";
import { findInboxId } from "./queries/project-access.ts";
import { findTaskForUser, insertTask } from "./queries/tasks.ts";

let running: RunningPostgres | undefined;
let folder: string | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

async function withDb<T>(url: string, use: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  const db = createDb(url, { maxConnections: 1 });
  try {
    return await use(db);
  } finally {
    await db.$disconnect();
  }
}

describe("embedded PostgreSQL restarted on its own data folder", () => {
  it("starts again and still has the task created before the stop", async () => {
    folder = tempDataDir("taskboard-restart-");
    const dataDir = path.join(folder, "postgres");
    const userId = randomUUID();
    const taskId = randomUUID();

    running = await startEmbeddedPostgres({ dataDir });
    await migrate(running.url);
    await withDb(running.url, async (db) => {
      await db.user.create({ data: { id: userId, name: "Restart", email: `${userId}@example.test` } });
      const projectId = await findInboxId(db, userId);
      await insertTask(db, { id: taskId, userId, data: { title: "survives a restart", projectId }, tagIds: [], now: new Date() });
    });
    await running.stop();
    running = undefined;

    running = await startEmbeddedPostgres({ dataDir });
    const task = await withDb(running.url, (db) => findTaskForUser(db, { userId, id: taskId }));
    expect(task?.title).toBe("survives a restart");
  });
});
