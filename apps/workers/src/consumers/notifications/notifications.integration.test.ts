// In-app notifications that are not reminders, on a real database: the person a task is given to
// gets one "assigned" notification per event, however often it is delivered, and it reaches their
// tray live; nobody is told about assigning themselves; a registered invitee gets "invitation".
import { listNotifications, listUserChangesSince } from "@taskboard/db";
import { createTestDatabase, type TestDatabase } from "@taskboard/db/testing";
import { invitationCreated, taskCreated, taskUpdated, TOPICS } from "@taskboard/events";
import type { TUserChangeMessage } from "@taskboard/realtime";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createConsumerSubscription } from "../../runtime/consumer-subscription.ts";
import type { ConsumerDefinition } from "../../runtime/define-consumer.ts";
import { adminDatabaseUrl } from "../../testing/admin-database-url.ts";
import { createTask } from "../testing/consumer-harness.ts";
import { join, person, projectEvent, sharedProject, taskEvent, type Person } from "../testing/shared-project.ts";
import { assignmentNotificationsConsumer, invitationNotificationsConsumer } from "./notifications.consumer.ts";

const log = pino({ level: "silent" });

describe("notifications consumer", () => {
  let database: TestDatabase;
  let pushed: { userId: string; change: TUserChangeMessage }[];
  let ada: Person;
  let bo: Person;

  beforeEach(async () => {
    database = await createTestDatabase(adminDatabaseUrl());
    pushed = [];
    [ada, bo] = [await person(database.db, "Ada"), await person(database.db, "Bo")];
  });
  afterEach(() => database.drop());

  const changes = { emitToUser: (userId: string, change: TUserChangeMessage) => void pushed.push({ userId, change }) };
  const subscribe = (consumer: ConsumerDefinition) => createConsumerSubscription(consumer, { db: database.db, log, changes });
  const trayOf = (who: Person) => listNotifications(database.db, { userId: who.id, unreadOnly: false, after: null, limit: 50 });
  const feedOf = async (who: Person) => (await listUserChangesSince(database.db, { userId: who.id, afterSeq: 0, limit: 50 })).changes;

  it("tells the assignee once, however often the event is delivered, and reaches their tray live", async () => {
    const shared = await sharedProject(database.db, ada, "Garden");
    await join(database.db, shared, bo);
    const t = await createTask(database.db, ada.id, { title: "Mow the lawn", projectId: shared.id, assigneeId: bo.id });
    const event = taskEvent(taskCreated, ada, { task: t });
    const sub = subscribe(assignmentNotificationsConsumer);
    const statuses = await Promise.all([1, 2, 3].map((attempt) => sub.handle({ topic: TOPICS.taskEvents, event, attempt })));
    expect(statuses).toEqual(["SUCCESS", "SUCCESS", "SUCCESS"]);
    // Even a second consumer instance with no idempotency record of its own writes nothing new.
    await database.db.processedEvent.deleteMany({});
    expect(await subscribe(assignmentNotificationsConsumer).handle({ topic: TOPICS.taskEvents, event, attempt: 4 })).toBe("SUCCESS");

    const tray = await trayOf(bo);
    expect(tray).toMatchObject([{ kind: "assigned", title: "Mow the lawn", body: "Ada assigned you a task in Garden", taskId: t.id }]);
    expect(await feedOf(bo)).toMatchObject([{ seq: 1, kind: "notification", entityId: tray[0]?.id }]);
    expect(pushed).toEqual([{ userId: bo.id, change: expect.objectContaining({ seq: 1, kind: "notification", entityId: tray[0]?.id }) }]);
    expect(await trayOf(ada)).toEqual([]);
  });

  it("tells a new assignee on a change of assignee, and nobody about assigning themselves or other changes", async () => {
    const shared = await sharedProject(database.db, ada);
    await join(database.db, shared, bo);
    const sub = subscribe(assignmentNotificationsConsumer);
    const t = await createTask(database.db, ada.id, { title: "Chores", projectId: shared.id, assigneeId: ada.id });
    const handle = (event: unknown) => sub.handle({ topic: TOPICS.taskEvents, event: event as never, attempt: 1 });
    await handle(taskEvent(taskCreated, ada, { task: t }));
    const retitled = { ...t, title: "Renamed", version: 2 };
    await handle(taskEvent(taskUpdated, ada, { previous: t, task: retitled, changedFields: ["title"] }));
    const toBo = { ...retitled, assigneeId: bo.id, version: 3 };
    await handle(taskEvent(taskUpdated, ada, { previous: retitled, task: toBo, changedFields: ["assigneeId"] }));
    await handle(taskEvent(taskUpdated, bo, { previous: toBo, task: { ...toBo, title: "Still mine", version: 4 }, changedFields: ["title"] }));
    await handle(taskEvent(taskUpdated, bo, { previous: toBo, task: { ...toBo, assigneeId: bo.id, version: 5 }, changedFields: ["title"] }));

    expect(await trayOf(ada)).toEqual([]);
    expect((await trayOf(bo)).map((n) => [n.kind, n.title])).toEqual([["assigned", "Renamed"]]);
  });

  it("tells a registered invitee about an invitation, and writes nothing for an address with no account", async () => {
    const shared = await sharedProject(database.db, ada, "Band");
    const now = new Date().toISOString();
    const invitation = (email: string) => ({
      id: crypto.randomUUID(), projectId: shared.id, projectName: "Band", email, role: "EDITOR" as const,
      invitedBy: ada.id, status: "PENDING" as const, createdAt: now, respondedAt: null,
    });
    const sub = subscribe(invitationNotificationsConsumer);
    for (const email of [bo.email.toUpperCase(), "nobody@example.test"]) {
      expect(await sub.handle({ topic: TOPICS.projectEvents, event: projectEvent(invitationCreated, shared.id, ada, { invitation: invitation(email) }), attempt: 1 })).toBe("SUCCESS");
    }
    expect(await trayOf(bo)).toMatchObject([{ kind: "invitation", title: "Band", body: "Ada invited you to Band as editor", taskId: null }]);
    expect(await database.db.notification.count()).toBe(1);
    expect(pushed.map((p) => [p.userId, p.change.kind])).toEqual([[bo.id, "notification"]]);
  });
});
