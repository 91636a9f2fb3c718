// The audit trail of a shared project on a real database: every entry names its project and the
// person who acted (the event's actorid, not the task's creator), project events get entries with
// a diff, and every current member's open history pages hear of each entry.
import { listUserChangesSince } from "@taskboard/db";
import { createTestDatabase, type TestDatabase } from "@taskboard/db/testing";
import { memberRemoved, projectUpdated, reminderScheduled, taskUpdated, TOPICS, type TTopic } from "@taskboard/events";
import { sampleEvent } from "@taskboard/events/contract";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createConsumerSubscription } from "../../runtime/consumer-subscription.ts";
import type { ConsumerDefinition } from "../../runtime/define-consumer.ts";
import { adminDatabaseUrl } from "../../testing/admin-database-url.ts";
import { createTask } from "../testing/consumer-harness.ts";
import { join, person, projectEvent, sharedProject, taskEvent, taskIn, type Person } from "../testing/shared-project.ts";
import { auditProjectEventsConsumer, auditRemindersConsumer, auditTaskEventsConsumer } from "./audit.consumer.ts";

const log = pino({ level: "silent" });

describe("audit of a shared project", () => {
  let database: TestDatabase;
  let ada: Person;
  let bo: Person;

  beforeEach(async () => {
    database = await createTestDatabase(adminDatabaseUrl());
    [ada, bo] = [await person(database.db, "Ada"), await person(database.db, "Bo")];
  });
  afterEach(() => database.drop());

  const deliver = (consumer: ConsumerDefinition, topic: TTopic, event: unknown) =>
    createConsumerSubscription(consumer, { db: database.db, log }).handle({ topic, event: event as never, attempt: 1 });
  const entryOf = (eventId: string) => database.db.auditEntry.findUniqueOrThrow({ where: { eventId } });
  const auditFeedOf = async (who: Person) =>
    (await listUserChangesSince(database.db, { userId: who.id, afterSeq: 0, limit: 50 })).changes.filter((c) => c.kind === "audit");

  it("records a member's change to another member's task with the project and the editor as actor", async () => {
    const shared = await sharedProject(database.db, ada);
    await join(database.db, shared, bo);
    const t = taskIn(shared, ada);
    const event = taskEvent(taskUpdated, bo, { previous: t, task: { ...t, title: "Fixed", version: 2 }, changedFields: ["title"] });
    expect(await deliver(auditTaskEventsConsumer, TOPICS.taskEvents, event)).toBe("SUCCESS");
    const entry = await entryOf(event.id);
    expect(entry).toMatchObject({ userId: ada.id, actor: bo.id, projectId: shared.id, taskId: t.id });
    expect(entry.diff).toEqual([{ field: "title", before: t.title, after: "Fixed" }]);
    for (const member of [ada, bo]) {
      expect(await auditFeedOf(member)).toMatchObject([{ entityId: entry.id, payload: { projectId: shared.id, taskId: t.id } }]);
    }
  });

  it("records project events in the project's history, with a diff and the person who acted", async () => {
    const shared = await sharedProject(database.db, ada);
    const member = await join(database.db, shared, bo);
    const renamed = projectEvent(projectUpdated, shared.id, ada, { previous: shared, project: { ...shared, name: "Flat", version: 2 }, changedFields: ["name"] });
    const left = projectEvent(memberRemoved, shared.id, bo, { member, reason: "left" });
    for (const event of [renamed, left]) expect(await deliver(auditProjectEventsConsumer, TOPICS.projectEvents, event)).toBe("SUCCESS");
    expect(await entryOf(renamed.id)).toMatchObject({
      type: "project.updated",
      actor: ada.id,
      userId: ada.id,
      projectId: shared.id,
      taskId: null,
      version: 2,
      diff: [{ field: "name", before: "Household", after: "Flat" }],
    });
    expect(await entryOf(left.id)).toMatchObject({
      type: "member.removed",
      actor: bo.id,
      projectId: shared.id,
      snapshot: { userId: bo.id, reason: "left" },
      diff: [{ field: "member", after: null }],
    });
  });

  it("records a reminder event with the project its task is in, and the reminders consumer as actor", async () => {
    const shared = await sharedProject(database.db, ada);
    const row = await createTask(database.db, ada.id, { title: "Bins", projectId: shared.id });
    const created = sampleEvent("task.created", ada.id, row);
    const scheduled = sampleEvent("reminder.scheduled", ada.id, row);
    const caused = { ...scheduled, source: "/taskboard/workers/reminders", causationid: created.id, type: reminderScheduled.type };
    expect(await deliver(auditRemindersConsumer, TOPICS.reminders, caused)).toBe("SUCCESS");
    expect(await entryOf(scheduled.id)).toMatchObject({ actor: "reminders", projectId: shared.id, taskId: row.id });
  });

  it("dead-letters a malformed project event and records nothing", async () => {
    const shared = await sharedProject(database.db, ada);
    const valid = projectEvent(projectUpdated, shared.id, ada, { previous: shared, project: { ...shared, name: "Flat", version: 2 }, changedFields: ["name"] });
    expect(await deliver(auditProjectEventsConsumer, TOPICS.projectEvents, { ...valid, data: { ...valid.data, changedFields: [] } })).toBe("DROP");
    expect(await database.db.auditEntry.count()).toBe(0);
  });
});
