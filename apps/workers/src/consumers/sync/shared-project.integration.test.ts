// The sync consumers on a shared project, on a real database: every current member's feed gets
// each task change with gap-free seqs; a removed member gets project.left and then nothing; a new
// member gets project.joined; a task moved between projects leaves the old-only members' lists;
// malformed project events are dead-lettered and change nothing.
import { listUserChangesSince } from "@taskboard/db";
import { createTestDatabase, type TestDatabase } from "@taskboard/db/testing";
import { memberAdded, memberRemoved, memberUpdated, projectDeleted, projectUpdated, sectionCreated, taskCreated, taskUpdated, TOPICS, type TTopic } from "@taskboard/events";
import type { TUserChangeMessage } from "@taskboard/realtime";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createConsumerSubscription } from "../../runtime/consumer-subscription.ts";
import type { ConsumerDefinition } from "../../runtime/define-consumer.ts";
import { adminDatabaseUrl } from "../../testing/admin-database-url.ts";
import { createTask } from "../testing/consumer-harness.ts";
import { join, leave, person, projectEvent, sharedProject, taskEvent, taskIn, type Person } from "../testing/shared-project.ts";
import { syncProjectsConsumer } from "./sync-projects.consumer.ts";
import { syncConsumer } from "./sync.consumer.ts";

const log = pino({ level: "silent" });

describe("sync on a shared project", () => {
  let database: TestDatabase;
  let pushed: { userId: string; change: TUserChangeMessage }[];
  let ada: Person;
  let bo: Person;
  let cy: Person;

  beforeEach(async () => {
    database = await createTestDatabase(adminDatabaseUrl());
    pushed = [];
    [ada, bo, cy] = [await person(database.db, "Ada"), await person(database.db, "Bo"), await person(database.db, "Cy")];
  });
  afterEach(() => database.drop());

  const changes = { emitToUser: (userId: string, change: TUserChangeMessage) => void pushed.push({ userId, change }) };
  const deliver = (consumer: ConsumerDefinition, topic: TTopic, event: unknown) =>
    createConsumerSubscription(consumer, { db: database.db, log, changes }).handle({ topic, event: event as never, attempt: 1 });
  const task = (event: unknown) => deliver(syncConsumer, TOPICS.taskEvents, event);
  const project = (event: unknown) => deliver(syncProjectsConsumer, TOPICS.projectEvents, event);
  const feedOf = async (who: Person) => (await listUserChangesSince(database.db, { userId: who.id, afterSeq: 0, limit: 100 })).changes;
  const kindsOf = async (who: Person) => (await feedOf(who)).map((c) => [c.kind, c.entityId]);

  it("appends every task change to both members' feeds, gap-free, even when they arrive at once", async () => {
    const shared = await sharedProject(database.db, ada);
    await join(database.db, shared, bo);
    const tasks = Array.from({ length: 8 }, (_, i) => taskIn(shared, i % 2 ? ada : bo));
    const statuses = await Promise.all(tasks.map((t) => task(taskEvent(taskCreated, t.userId === ada.id ? ada : bo, { task: t }))));
    expect(statuses.every((s) => s === "SUCCESS")).toBe(true);
    for (const member of [ada, bo]) {
      const feed = await feedOf(member);
      expect(feed.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(feed.map((c) => c.entityId).sort()).toEqual(tasks.map((t) => t.id).sort());
      expect(pushed.filter((p) => p.userId === member.id)).toHaveLength(8);
    }
    expect(await feedOf(cy)).toEqual([]);
  });

  it("gives a removed member project.left and then nothing of the project's later changes", async () => {
    const shared = await sharedProject(database.db, ada);
    const member = await join(database.db, shared, bo);
    const t = taskIn(shared, ada);
    await task(taskEvent(taskCreated, ada, { task: t }));
    await leave(database.db, member);
    expect(await project(projectEvent(memberRemoved, shared.id, ada, { member, reason: "removed" }))).toBe("SUCCESS");
    await task(taskEvent(taskUpdated, ada, { previous: t, task: { ...t, title: "Secret", version: 2 }, changedFields: ["title"] }));
    await project(projectEvent(projectUpdated, shared.id, ada, { previous: shared, project: { ...shared, name: "Renamed", version: 2 }, changedFields: ["name"] }));

    expect(await kindsOf(bo)).toEqual([["task.upserted", t.id], ["project.left", shared.id]]);
    expect((await feedOf(bo))[1]?.payload).toEqual({ projectId: shared.id });
    expect(await kindsOf(ada)).toEqual([
      ["task.upserted", t.id],
      ["members.changed", shared.id],
      ["project.upserted", shared.id],
      ["task.upserted", t.id],
      ["project.upserted", shared.id],
    ]);
    expect((await feedOf(ada))[2]?.payload).toMatchObject({ id: shared.id, role: "OWNER", memberCount: 1 });
  });

  it("gives a new member project.joined with their role, the others the new member count, and then the project's changes", async () => {
    const shared = await sharedProject(database.db, ada);
    const member = await join(database.db, shared, bo, "VIEWER");
    expect(await project(projectEvent(memberAdded, shared.id, bo, { member }))).toBe("SUCCESS");
    const t = taskIn(shared, ada);
    await task(taskEvent(taskCreated, ada, { task: t }));

    expect(await kindsOf(bo)).toEqual([["project.joined", shared.id], ["task.upserted", t.id]]);
    expect((await feedOf(bo))[0]?.payload).toMatchObject({ id: shared.id, name: shared.name, role: "VIEWER", memberCount: 2 });
    expect(await kindsOf(ada)).toEqual([["members.changed", shared.id], ["project.upserted", shared.id], ["task.upserted", t.id]]);

    await project(projectEvent(memberUpdated, shared.id, ada, { previous: member, member: { ...member, role: "EDITOR" } }));
    expect((await feedOf(bo)).at(-1)).toMatchObject({ kind: "project.upserted", payload: { role: "VIEWER" } });
  });

  it("removes a task moved to another project from the lists of the old project's members who are not in the new one", async () => {
    const home = await sharedProject(database.db, ada, "Home");
    const work = await sharedProject(database.db, ada, "Work");
    await join(database.db, home, bo);
    await join(database.db, work, cy);
    const t = taskIn(home, ada);
    await task(taskEvent(taskCreated, ada, { task: t }));
    const moved = { ...t, projectId: work.id, version: 2 };
    expect(await task(taskEvent(taskUpdated, ada, { previous: t, task: moved, changedFields: ["projectId"] }))).toBe("SUCCESS");

    expect(await kindsOf(bo)).toEqual([["task.upserted", t.id], ["task.removed", t.id]]);
    expect(await kindsOf(cy)).toEqual([["task.upserted", t.id]]);
    expect(await kindsOf(ada)).toEqual([["task.upserted", t.id], ["task.upserted", t.id]]);
    expect((await feedOf(cy))[0]?.payload).toMatchObject({ projectId: work.id, version: 2 });
  });

  it("finds the project of an event written before projects from the task's row", async () => {
    const shared = await sharedProject(database.db, ada);
    await join(database.db, shared, bo);
    const row = await createTask(database.db, ada.id, { title: "Old", projectId: shared.id });
    const { projectId: _dropped, sectionId: _s, assigneeId: _a, ...legacy } = row;
    expect(await task(taskEvent(taskUpdated, ada, { previous: legacy, task: { ...legacy, title: "Older" }, changedFields: ["title"] }))).toBe("SUCCESS");
    expect(await kindsOf(bo)).toEqual([["task.upserted", row.id]]);
  });

  it("turns a deleted project into project.left and sections into section changes for every member", async () => {
    const shared = await sharedProject(database.db, ada);
    await join(database.db, shared, bo);
    const now = new Date().toISOString();
    const section = { id: crypto.randomUUID(), projectId: shared.id, name: "Doing", position: 1, version: 1, createdAt: now, updatedAt: now, deletedAt: null };
    await project(projectEvent(sectionCreated, shared.id, bo, { section }));
    await project(projectEvent(projectDeleted, shared.id, ada, { project: { ...shared, deletedAt: now, version: 2 } }));
    for (const member of [ada, bo]) {
      expect(await kindsOf(member)).toEqual([["section.upserted", section.id], ["project.left", shared.id]]);
    }
  });

  it("applies a project's backlog handed over as a batch like one event at a time, once", async () => {
    const shared = await sharedProject(database.db, ada);
    const member = await join(database.db, shared, bo);
    const events = [
      projectEvent(memberAdded, shared.id, bo, { member }),
      projectEvent(projectUpdated, shared.id, ada, { previous: shared, project: { ...shared, name: "Flat", version: 2 }, changedFields: ["name"] }),
    ];
    const sub = createConsumerSubscription(syncProjectsConsumer, { db: database.db, log, changes });
    const deliveries = events.map((event) => ({ topic: TOPICS.projectEvents, event, attempt: 1 }));
    expect(await sub.handleBatch?.(deliveries)).toBe(true);
    expect(await sub.handleBatch?.(deliveries)).toBe(true);
    expect((await feedOf(bo)).map((c) => [c.seq, c.kind])).toEqual([[1, "project.joined"], [2, "project.upserted"]]);
    expect((await feedOf(bo))[1]?.payload).toMatchObject({ name: "Flat", role: "EDITOR", memberCount: 2 });
    expect((await feedOf(ada)).map((c) => c.kind)).toEqual(["members.changed", "project.upserted", "project.upserted"]);
    expect(pushed).toHaveLength(5);
  });

  it("dead-letters malformed project events with nothing written or pushed", async () => {
    const shared = await sharedProject(database.db, ada);
    const member = await join(database.db, shared, bo);
    const valid = projectEvent(memberAdded, shared.id, bo, { member });
    const malformed = [
      { ...valid, data: {} },
      { ...valid, data: { member: { ...member, role: "ADMIN" } } },
      { ...valid, data: { member: { ...member, projectId: "not-a-uuid" } } },
      { ...valid, type: "member.promoted" },
    ];
    for (const event of malformed) expect(await project(event), `${event.type} ${JSON.stringify(event.data)}`).toBe("DROP");
    expect(await database.db.userChange.count()).toBe(0);
    expect(pushed).toEqual([]);
  });
});
