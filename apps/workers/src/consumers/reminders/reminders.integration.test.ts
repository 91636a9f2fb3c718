// The reminder consumer and its job on the real embedded bus (jobs live in Postgres): scheduled
// on create, moved on change, cancelled on complete/delete; a firing creates one notification and
// one reminder.fired, even when the job fires twice or concurrently; a past reminder fires at once.
import pino from "pino";
import { listDeadLetters, listUserChangesSince } from "@taskboard/db";
import { parseEvent, TOPICS } from "@taskboard/events";
import { sampleEvent, sampleTask, waitFor } from "@taskboard/events/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTask, insertUser, must, openHarness, transitionTask, updateTask, type Harness } from "../testing/consumer-harness.ts";
import { createConsumerSubscription } from "../../runtime/consumer-subscription.ts";
import { syncRemindersConsumer } from "../sync/sync-reminders.consumer.ts";
import { join, sharedProject } from "../testing/shared-project.ts";
import { fireReminder } from "./fire-reminder.ts";
import { fireReminders } from "./fire-reminder-batch.ts";
import { reminderJobName } from "./reminder-instant.ts";
import { remindersConsumer } from "./reminders.consumer.ts";

const log = pino({ level: "silent" });
let harness: Harness;
let user: string;
beforeAll(async () => {
  harness = await openHarness();
  await harness.start([remindersConsumer]);
  user = await insertUser(harness.db);
});
afterAll(() => harness.stop());

const inAnHour = () => new Date(Math.ceil(Date.now() / 1000) * 1000 + 3_600_000);

async function busJob(name: string): Promise<{ run_at: Date; payload: unknown } | undefined> {
  const rows = await harness.db.$queryRawUnsafe<{ run_at: Date; payload: unknown }[]>(
    `SELECT run_at, payload FROM graphile_worker._private_jobs WHERE key = $1`,
    name,
  );
  return rows[0];
}

async function reminderEvents(taskId: string) {
  const rows = await harness.db.outboxEvent.findMany({ where: { topic: "reminders" }, orderBy: { sequence: "asc" } });
  return rows
    .map((row) => parseEvent(row.event))
    .flatMap((parsed) => (parsed.ok ? [parsed.event] : []))
    .filter((event) => event.subject === taskId);
}

const row = (taskId: string) => harness.db.reminderJob.findUnique({ where: { taskId } });
/** The consumer schedules before its transaction commits: wait for the committed row, not the job. */
const scheduledAs = (taskId: string, jobName: string) =>
  waitFor(`reminder ${jobName}`, async () => {
    const current = await row(taskId);
    return current?.status === "SCHEDULED" && current.jobName === jobName;
  });
const notifications = (taskId: string) => harness.db.notification.findMany({ where: { taskId } });

describe("reminder consumer", () => {
  it("schedules a bus job at the reminder instant when a task is created", async () => {
    const fireAt = inAnHour();
    const task = await createTask(harness.db, user, { title: "Call mum", remindAt: fireAt });
    const name = reminderJobName(task.id, fireAt);
    await scheduledAs(task.id, name);
    expect((await busJob(name))?.run_at.toISOString()).toBe(fireAt.toISOString());
    expect(await row(task.id)).toMatchObject({ jobName: name, status: "SCHEDULED", taskVersion: 1 });
    const [scheduled] = await reminderEvents(task.id);
    expect(scheduled).toMatchObject({ type: "reminder.scheduled", partitionkey: user, data: { fireAt: fireAt.toISOString(), previousFireAt: null, jobName: name } });
  });

  it("computes a relative reminder from the due date, and moves the job when the due date moves", async () => {
    const due = inAnHour();
    const task = await createTask(harness.db, user, { title: "Dentist", dueAt: due, remindBeforeMinutes: 15 });
    const firstAt = new Date(due.getTime() - 15 * 60_000);
    const firstName = reminderJobName(task.id, firstAt);
    await scheduledAs(task.id, firstName);
    expect((await busJob(firstName))?.run_at.toISOString()).toBe(firstAt.toISOString());

    const later = new Date(due.getTime() + 86_400_000);
    await updateTask(harness.db, task, { dueAt: later });
    const secondAt = new Date(later.getTime() - 15 * 60_000);
    const secondName = reminderJobName(task.id, secondAt);
    await scheduledAs(task.id, secondName);
    expect((await busJob(secondName))?.run_at.toISOString()).toBe(secondAt.toISOString());
    expect(await busJob(firstName)).toBeUndefined();
    expect(await row(task.id)).toMatchObject({ jobName: secondName, status: "SCHEDULED", taskVersion: 2 });
    const events = await reminderEvents(task.id);
    expect(events.map((e) => e.type)).toEqual(["reminder.scheduled", "reminder.scheduled"]);
    expect(events[1]?.data).toMatchObject({ previousFireAt: firstAt.toISOString() });
  });

  it("leaves the job alone when an unrelated field changes", async () => {
    const fireAt = inAnHour();
    const task = await createTask(harness.db, user, { title: "Unrelated", remindAt: fireAt });
    await scheduledAs(task.id, reminderJobName(task.id, fireAt));
    await updateTask(harness.db, task, { title: "Renamed" });
    await waitFor("version 2 seen", async () => (await row(task.id))?.taskVersion === 2);
    expect(await reminderEvents(task.id)).toHaveLength(1);
    expect((await busJob(reminderJobName(task.id, fireAt)))?.run_at.toISOString()).toBe(fireAt.toISOString());
  });

  it.each([
    ["complete", "completed"],
    ["delete", "deleted"],
  ] as const)("cancels the job on %s, and schedules it again on reopen/restore", async (kind, reason) => {
    const fireAt = inAnHour();
    const task = await createTask(harness.db, user, { title: `To ${kind}`, remindAt: fireAt });
    const name = reminderJobName(task.id, fireAt);
    await scheduledAs(task.id, name);
    await transitionTask(harness.db, task, kind);
    await waitFor("the cancellation", async () => (await row(task.id))?.status === "CANCELLED");
    expect(await busJob(name)).toBeUndefined();
    expect((await reminderEvents(task.id)).at(-1)).toMatchObject({ type: "reminder.cancelled", data: { reason, fireAt: fireAt.toISOString() } });

    await transitionTask(harness.db, task, kind === "complete" ? "reopen" : "restore");
    await scheduledAs(task.id, name);
    expect(await row(task.id)).toMatchObject({ taskVersion: 3 });
    expect((await busJob(name))?.run_at.toISOString()).toBe(fireAt.toISOString());
  });

  it("fires once: one notification and one reminder.fired, even when the job fires again or concurrently", async () => {
    const fireAt = new Date(Date.now() + 1_500);
    const task = await createTask(harness.db, user, { title: "Take the cake out", remindAt: fireAt, dueAt: new Date(fireAt.getTime() + 60_000) });
    await waitFor("the notification", async () => (await notifications(task.id)).length === 1, 15_000);
    const name = reminderJobName(task.id, fireAt);
    const scheduled = must((await reminderEvents(task.id))[0], "reminder.scheduled");
    const job = { name, payload: { taskId: task.id, fireAt: fireAt.toISOString(), cause: { id: scheduled.id, correlationid: scheduled.correlationid } } };
    const outcomes = await Promise.all([fireReminder(harness.db, job, log), fireReminder(harness.db, job, log)]);
    expect(outcomes).toEqual(["duplicate", "duplicate"]);

    const notification = must((await notifications(task.id))[0], "the notification");
    expect(notification).toMatchObject({ userId: user, kind: "reminder", title: "Take the cake out", readAt: null });
    const fired = (await reminderEvents(task.id)).filter((e) => e.type === "reminder.fired");
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ id: notification.eventId, causationid: scheduled.id, correlationid: scheduled.correlationid, data: { notificationId: notification.id } });
    expect(await row(task.id)).toMatchObject({ status: "FIRED" });
  });

  it("creates one notification when two replicas fire the same fresh job at once", async () => {
    const fireAt = inAnHour();
    const task = await createTask(harness.db, user, { title: "Race", remindAt: fireAt });
    const name = reminderJobName(task.id, fireAt);
    await scheduledAs(task.id, name);
    const payload = (await busJob(name))?.payload as { payload: unknown };
    const outcomes = await Promise.all([1, 2, 3].map(() => fireReminder(harness.db, { name, payload: payload.payload }, log)));
    expect(outcomes.sort()).toEqual(["duplicate", "duplicate", "fired"]);
    expect(await notifications(task.id)).toHaveLength(1);
  });

  it("does nothing for a job whose reminder moved or whose task was completed meanwhile", async () => {
    const fireAt = inAnHour();
    const task = await createTask(harness.db, user, { title: "Stale", remindAt: fireAt });
    const name = reminderJobName(task.id, fireAt);
    await scheduledAs(task.id, name);
    const payload = ((await busJob(name))?.payload as { payload: unknown }).payload;
    await transitionTask(harness.db, task, "complete");
    await waitFor("the cancellation", async () => (await row(task.id))?.status === "CANCELLED");
    expect(await fireReminder(harness.db, { name, payload }, log)).toBe("stale");
    expect(await notifications(task.id)).toEqual([]);
  });

  it("survives a restart of the workers: the job lives in Postgres and fires in the next process", async () => {
    const fireAt = new Date(Date.now() + 4_000);
    const task = await createTask(harness.db, user, { title: "After restart", remindAt: fireAt });
    await scheduledAs(task.id, reminderJobName(task.id, fireAt));
    await harness.workers?.stop();
    expect(await notifications(task.id)).toEqual([]);
    await harness.start([remindersConsumer]);
    await waitFor("the notification", async () => (await notifications(task.id)).length === 1, 15_000);
  });

  it("treats an event about a task that no longer exists (account deleted) as done, not as poison", async () => {
    const gone = sampleTask(user, { remindAt: inAnHour().toISOString() });
    const event = sampleEvent("task.created", user, gone);
    await harness.workers?.bus.publish(TOPICS.taskEvents, [event]);
    await waitFor("the event handled", async () =>
      Boolean(await harness.db.processedEvent.findFirst({ where: { consumer: "reminders", eventId: event.id } })),
    );
    expect(await row(gone.id)).toBeNull();
    expect(await listDeadLetters(harness.db)).toEqual([]);
  });

  it("fires a burst of one user's reminders due together once each, with its cause", async () => {
    const burstUser = await insertUser(harness.db);
    const fireAt = new Date(Date.now() + 2_500);
    const tasks = [];
    for (let i = 0; i < 30; i++) tasks.push(await createTask(harness.db, burstUser, { title: `Burst ${i}`, remindAt: fireAt }));
    const fired = () => harness.db.notification.count({ where: { userId: burstUser } });
    await waitFor("every notification", async () => (await fired()) === tasks.length, 20_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(await fired()).toBe(tasks.length);
    for (const task of tasks) {
      const events = await reminderEvents(task.id);
      const scheduled = must(events.find((e) => e.type === "reminder.scheduled"), "reminder.scheduled");
      expect(events.filter((e) => e.type === "reminder.fired")).toMatchObject([{ causationid: scheduled.id, correlationid: scheduled.correlationid }]);
      expect(await row(task.id)).toMatchObject({ status: "FIRED" });
    }
  });

  it("fires a batch of jobs in one go: the wanted ones once, stale ones not at all, a fired one never again", async () => {
    const fireAt = inAnHour();
    const [wanted, stale] = [await createTask(harness.db, user, { title: "Wanted", remindAt: fireAt }), await createTask(harness.db, user, { title: "Stale", remindAt: fireAt })];
    const jobs = [];
    for (const task of [wanted, stale]) {
      const name = reminderJobName(task.id, fireAt);
      await scheduledAs(task.id, name);
      jobs.push({ name, payload: ((await busJob(name))?.payload as { payload: unknown }).payload });
    }
    await transitionTask(harness.db, stale, "complete");
    await waitFor("the cancellation", async () => (await row(stale.id))?.status === "CANCELLED");

    expect(await fireReminders(harness.db, jobs, log)).toBe(true);
    expect(await notifications(wanted.id)).toHaveLength(1);
    expect(await notifications(stale.id)).toEqual([]);
    expect(await row(wanted.id)).toMatchObject({ status: "FIRED" });
    // Again, or one job at a time after it: nothing new.
    expect(await fireReminders(harness.db, jobs, log)).toBe(true);
    expect(await fireReminder(harness.db, must(jobs[0], "job"), log)).toBe("duplicate");
    expect(await notifications(wanted.id)).toHaveLength(1);
    expect((await reminderEvents(wanted.id)).filter((e) => e.type === "reminder.fired")).toHaveLength(1);
    // A malformed job refuses the batch, changing nothing, so the one-by-one path can drop it alone.
    expect(await fireReminders(harness.db, [...jobs, { name: "reminder:x:1", payload: {} }], log)).toBe(false);
  });

  it("reminds the assignee of a shared task, not its creator, in the tray and live", async () => {
    const assignee = await insertUser(harness.db, "Bo");
    const project = await sharedProject(harness.db, { id: user, name: "Ada", email: "" });
    await join(harness.db, project, { id: assignee, name: "Bo", email: "" });
    const task = await createTask(harness.db, user, { title: "Feed the cat", projectId: project.id, assigneeId: assignee, remindAt: new Date(Date.now() - 60_000) });
    await waitFor("the notification", async () => (await notifications(task.id)).length === 1, 15_000);
    expect(await notifications(task.id)).toMatchObject([{ userId: assignee, kind: "reminder", title: "Feed the cat" }]);
    const fired = must((await reminderEvents(task.id)).find((e) => e.type === "reminder.fired"), "reminder.fired");
    expect(fired).toMatchObject({ partitionkey: user, data: { recipientId: assignee } });

    const sync = createConsumerSubscription(syncRemindersConsumer, { db: harness.db, log });
    expect(await sync.handle({ topic: TOPICS.reminders, event: fired, attempt: 1 })).toBe("SUCCESS");
    const feed = async (who: string) => (await listUserChangesSince(harness.db, { userId: who, afterSeq: 0, limit: 10 })).changes;
    expect(await feed(assignee)).toMatchObject([{ kind: "notification" }]);
    expect((await feed(user)).filter((c) => c.kind === "notification")).toEqual([]);
  });

  it("fires at once for a reminder already in the past when the task is saved", async () => {
    const task = await createTask(harness.db, user, { title: "Overdue", remindAt: new Date(Date.now() - 3_600_000) });
    await waitFor("the notification", async () => (await notifications(task.id)).length === 1, 15_000);
    expect((await reminderEvents(task.id)).map((e) => e.type)).toEqual(["reminder.scheduled", "reminder.fired"]);
  });
});
