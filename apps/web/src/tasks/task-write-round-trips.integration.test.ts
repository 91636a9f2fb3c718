// What one task write costs the database (issue #14): the statements it sends, in order. The bare
// cost of the same rows is BEGIN, two INSERTs, COMMIT; a create may add only what it must decide
// (the writer's access and the position), with no lock to wait on and nothing read back.
import { createDb, type Db } from "@taskboard/db";
import type { TestDatabase } from "@taskboard/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { callerFor, insertUser, openTestDatabase } from "@/server/testing/test-database";

let testDb: TestDatabase;
let counted: Db;
const statements: string[] = [];

beforeAll(async () => {
  testDb = await openTestDatabase();
  counted = createDb(testDb.url, { onQuery: (sql) => statements.push(sql.trim().split(/\s+/).slice(0, 4).join(" ")) });
});
afterAll(async () => {
  await counted.$disconnect();
  await testDb.drop();
});

async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  statements.length = 0;
  await run();
  return [...statements];
}

it("a create in the Inbox: one access query, one position, the task, its event", async () => {
  const api = callerFor(counted, await insertUser(testDb.db, "Ada"));
  await api.task.create({ title: "warm up" });
  const sent = await statementsOf(() => api.task.create({ title: "Write report" }));
  expect(sent.map((sql) => sql.split(" ")[0])).toEqual(["SELECT", "SELECT", "INSERT", "INSERT", "COMMIT"]);
  expect(sent[0]).toMatch(/project_id/);
  expect(sent[1]).toMatch(/nextval/);
  expect(sent[2]).toMatch(/tasks/);
  expect(sent[3]).toMatch(/outbox_events/);
});

it("a create with a tag adds only the tag's link and its name, not a read-back of the task", async () => {
  const api = callerFor(counted, await insertUser(testDb.db, "Grace"));
  const tag = await api.tag.create({ name: "home" });
  const sent = await statementsOf(() => api.task.create({ title: "Water plants", tagIds: [tag.id] }));
  expect(sent.filter((sql) => /^SELECT .*"tasks"/.test(sql))).toEqual([]);
  expect(sent.filter((sql) => sql.startsWith("INSERT"))).toHaveLength(3);
});

it("an update reads the task with its tags and the writer's access in one statement and writes it with RETURNING: no read-back", async () => {
  const api = callerFor(counted, await insertUser(testDb.db, "Edsger"));
  const tag = await api.tag.create({ name: "work" });
  const task = await api.task.create({ title: "Draft", tagIds: [tag.id] });
  const sent = await statementsOf(() => api.task.update({ id: task.id, expectedVersion: 1, patch: { title: "Final" } }));
  // the task with its tags and access, UPDATE ... RETURNING, the event, COMMIT: no separate reads.
  expect(sent.map((sql) => sql.split(" ")[0])).toEqual(["SELECT", "UPDATE", "INSERT", "COMMIT"]);
  expect(sent.filter((sql) => /"task_tags"|"tags"/.test(sql.split(" ").slice(0, 2).join(" ")))).toEqual([]);
});

it("an update answers with what it wrote, its unchanged tags included; one that changes the tags reads them back", async () => {
  const api = callerFor(counted, await insertUser(testDb.db, "Barbara"));
  const work = await api.tag.create({ name: "work" });
  const home = await api.tag.create({ name: "home" });
  const task = await api.task.create({ title: "Draft", tagIds: [work.id] });
  const renamed = await api.task.update({ id: task.id, expectedVersion: 1, patch: { title: "Final", priority: "HIGH" } });
  expect(renamed).toMatchObject({ title: "Final", priority: "HIGH", version: 2, tags: [{ id: work.id, name: "work" }] });
  expect(renamed).toEqual(await api.task.get({ id: task.id }));

  const sent = await statementsOf(() => api.task.update({ id: task.id, expectedVersion: 2, patch: { tagIds: [home.id, work.id] } }));
  // the task with its access, the wanted tags, then the task read back with its new tags.
  expect(sent.filter((sql) => sql.startsWith("SELECT"))).toHaveLength(3);
  expect((await api.task.get({ id: task.id })).tags.map((t) => t.name)).toEqual(["home", "work"]);
});

it("a completion writes with RETURNING and answers with the completed task, tags included", async () => {
  const api = callerFor(counted, await insertUser(testDb.db, "Frances"));
  const tag = await api.tag.create({ name: "errand" });
  const task = await api.task.create({ title: "Post the letter", tagIds: [tag.id] });
  let done: Awaited<ReturnType<typeof api.task.complete>> | undefined;
  const sent = await statementsOf(async () => (done = await api.task.complete({ id: task.id, expectedVersion: 1 })));
  expect(sent.map((sql) => sql.split(" ")[0])).toEqual(["SELECT", "UPDATE", "INSERT", "COMMIT"]);
  expect(done).toMatchObject({ status: "COMPLETED", version: 2, tags: [{ id: tag.id, name: "errand" }] });
  expect(done?.completedAt).toBeTruthy();
  expect(done).toEqual(await api.task.get({ id: task.id }));
});
