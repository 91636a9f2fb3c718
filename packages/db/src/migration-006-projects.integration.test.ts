// Upgrading a database that has tasks, tags and history to shared projects (migration 006): every
// account gets one Inbox, every task moves into its owner's Inbox with nothing else changed, and
// the history is kept and attributed to that project. Accounts made afterwards get their Inbox too.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate } from "./migrate.ts";

const adminUrl = inject("adminDatabaseUrl");
const name = `upgrade_${randomUUID().replaceAll("-", "")}`;
const url = (() => {
  const parsed = new URL(adminUrl);
  parsed.pathname = `/${name}`;
  return parsed.toString();
})();
let client: pg.Client;

const ana = "ana-user";
const bob = "bob-user";
const anaTask = randomUUID();
const bobTask = randomUUID();
const tagId = randomUUID();
const entryId = randomUUID();

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  await migrate(url, { target: 5 });
  client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`INSERT INTO users (id, name, email) VALUES ($1, 'Ana', 'ana@example.test'), ($2, 'Bob', 'bob@example.test')`, [ana, bob]);
  await client.query(
    `INSERT INTO tasks (id, user_id, title, position, version) VALUES ($1, $2, 'Water the plants', 3, 4), ($3, $4, 'Call mum', 1, 1)`,
    [anaTask, ana, bobTask, bob],
  );
  await client.query(`INSERT INTO tags (id, user_id, name) VALUES ($1, $2, 'home')`, [tagId, ana]);
  await client.query(`INSERT INTO task_tags (task_id, tag_id) VALUES ($1, $2)`, [anaTask, tagId]);
  await client.query(
    `INSERT INTO audit_entries (id, event_id, user_id, type, actor, task_id, version, occurred_at, correlation_id, causation_id)
     VALUES ($1, 'evt-1', $2, 'task.created', $2, $3, 1, now(), 'evt-1', 'evt-1')`,
    [entryId, ana, anaTask],
  );
  await migrate(url);
});

afterAll(async () => {
  await client?.end();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

const inboxOf = async (userId: string) =>
  (await client.query<{ id: string }>(`SELECT id FROM projects WHERE owner_id = $1 AND is_inbox`, [userId])).rows.map((row) => row.id);

describe("migration 006 on a database with tasks and history", () => {
  it("gives every existing account exactly one Inbox, owned by them alone", async () => {
    for (const userId of [ana, bob]) {
      const inboxes = await inboxOf(userId);
      expect(inboxes).toHaveLength(1);
      const members = await client.query(`SELECT user_id, role FROM project_members WHERE project_id = $1`, [inboxes[0]]);
      expect(members.rows).toEqual([{ user_id: userId, role: "OWNER" }]);
    }
  });

  it("moves every task into its owner's Inbox and changes nothing else about it", async () => {
    const rows = await client.query(`SELECT id, user_id, project_id, section_id, assignee_id, title, position, version FROM tasks ORDER BY title`);
    expect(rows.rows).toEqual([
      { id: bobTask, user_id: bob, project_id: (await inboxOf(bob))[0], section_id: null, assignee_id: null, title: "Call mum", position: 1, version: 1 },
      { id: anaTask, user_id: ana, project_id: (await inboxOf(ana))[0], section_id: null, assignee_id: null, title: "Water the plants", position: 3, version: 4 },
    ]);
    expect((await client.query(`SELECT tag_id FROM task_tags WHERE task_id = $1`, [anaTask])).rows).toEqual([{ tag_id: tagId }]);
  });

  it("keeps the history and files it under the task's project; it stays append-only", async () => {
    const entry = await client.query(`SELECT id, task_id, project_id FROM audit_entries`);
    expect(entry.rows).toEqual([{ id: entryId, task_id: anaTask, project_id: (await inboxOf(ana))[0] }]);
    await expect(client.query(`UPDATE audit_entries SET actor = 'someone'`)).rejects.toThrow(/append-only/);
  });

  it("gives an account created afterwards its Inbox in the same transaction", async () => {
    await client.query(`INSERT INTO users (id, name, email) VALUES ('cleo-user', 'Cleo', 'cleo@example.test')`);
    expect(await inboxOf("cleo-user")).toHaveLength(1);
  });
});
