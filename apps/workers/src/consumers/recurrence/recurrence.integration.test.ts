// The recurrence consumer on the real embedded bus and relay: completing a recurring task creates
// exactly one next occurrence, at the right instant (back on the series' time after a DST gap),
// with the task's content and the causing event's chain; series end at COUNT/UNTIL; rules the
// API accepts are scheduled. Undo (reopen) is retraction.integration.test.ts.
import { parseEvent, type TTaskSnapshot } from "@taskboard/events";
import { waitFor } from "@taskboard/events/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTask, insertTag, insertUser, must, openHarness, transitionTask, type Harness } from "../testing/consumer-harness.ts";
import { recurrenceConsumer } from "./recurrence.consumer.ts";

let harness: Harness;
let user: string;
beforeAll(async () => {
  harness = await openHarness();
  await harness.start([recurrenceConsumer]);
  user = await insertUser(harness.db);
});
afterAll(() => harness.stop());

async function seriesTasks(seriesId: string | null) {
  return harness.db.task.findMany({ where: { seriesId: seriesId ?? "" }, orderBy: { createdAt: "asc" } });
}

/** The outbox's latest event of `type` about `taskId`. */
async function latestEvent(type: string, taskId: string) {
  const rows = await harness.db.outboxEvent.findMany({ where: { type }, orderBy: { sequence: "desc" } });
  const row = rows.find((r) => (r.event as { subject: string }).subject === taskId);
  if (!row) throw new Error(`no ${type} for ${taskId}`);
  const parsed = parseEvent(row.event);
  if (!parsed.ok) throw parsed.error;
  return parsed.event;
}

/** Completes `task` at `at` and waits until the consumer has handled that completion. */
async function complete(task: TTaskSnapshot, at = new Date()): Promise<void> {
  await transitionTask(harness.db, task, "complete", at);
  const completion = await latestEvent("task.completed", task.id);
  await waitFor("the completion handled", async () =>
    Boolean(await harness.db.processedEvent.findFirst({ where: { consumer: "recurrence", eventId: completion.id } })),
  );
}

/** Reopens `task` and waits until the consumer has handled that (it retracts the next occurrence). */
async function reopen(task: TTaskSnapshot): Promise<void> {
  await transitionTask(harness.db, task, "reopen");
  const reopened = await latestEvent("task.reopened", task.id);
  await waitFor("the reopen handled", async () =>
    Boolean(await harness.db.processedEvent.findFirst({ where: { consumer: "recurrence", eventId: reopened.id } })),
  );
}

async function nextDueAfterCompleting(data: Parameters<typeof createTask>[2], completedAt?: Date): Promise<string | null> {
  const task = await createTask(harness.db, user, data);
  await complete(task, completedAt);
  const tasks = await seriesTasks(task.seriesId);
  expect(tasks.length).toBeLessThanOrEqual(2);
  return tasks[1]?.dueAt?.toISOString() ?? null;
}

describe("recurrence consumer: the next occurrence", () => {
  it.each([
    ["daily", { rrule: "FREQ=DAILY", dueAt: "2026-05-04T07:00:00Z", timeZone: "UTC" }, "2026-05-05T07:00:00.000Z"],
    ["weekly on Mon/Wed/Fri", { rrule: "FREQ=WEEKLY;BYDAY=MO,WE,FR", dueAt: "2026-05-04T09:00:00Z", timeZone: "UTC" }, "2026-05-06T09:00:00.000Z"],
    ["monthly from Jan 31 (skips February)", { rrule: "FREQ=MONTHLY", dueAt: "2026-01-31T09:00:00Z", timeZone: "UTC" }, "2026-03-31T09:00:00.000Z"],
    ["yearly from Feb 29 (next leap year)", { rrule: "FREQ=YEARLY", dueAt: "2028-02-29T09:00:00Z", timeZone: "UTC" }, "2032-02-29T09:00:00.000Z"],
    ["daily 09:00 Paris across the March DST switch", { rrule: "FREQ=DAILY", dueAt: "2026-03-28T08:00:00Z", timeZone: "Europe/Paris" }, "2026-03-29T07:00:00.000Z"],
  ])("%s", async (_name, spec, expected) => {
    expect(await nextDueAfterCompleting({ title: "Repeat", rrule: spec.rrule, dueAt: new Date(spec.dueAt), timeZone: spec.timeZone })).toBe(expected);
  });

  it("FROM_COMPLETION restarts from the completion date, at the task's time of day", async () => {
    const due = await nextDueAfterCompleting(
      { title: "Water plants", rrule: "FREQ=DAILY;INTERVAL=3", recurrenceMode: "FROM_COMPLETION", dueAt: new Date("2026-05-04T07:00:00Z") },
      new Date("2026-05-10T15:00:00Z"),
    );
    expect(due).toBe("2026-05-13T07:00:00.000Z");
  });

  it("stops after COUNT occurrences", async () => {
    const first = await createTask(harness.db, user, { title: "Twice", rrule: "FREQ=DAILY;COUNT=2", dueAt: new Date("2026-05-04T07:00:00Z") });
    await complete(first);
    const second = must((await seriesTasks(first.seriesId))[1], "the second occurrence");
    expect(second.dueAt?.toISOString()).toBe("2026-05-05T07:00:00.000Z");
    await complete({ ...first, id: second.id });
    expect(await seriesTasks(first.seriesId)).toHaveLength(2);
  });

  it("stops when the next occurrence would fall after UNTIL", async () => {
    expect(await nextDueAfterCompleting({ title: "Until", rrule: "FREQ=DAILY;UNTIL=20260505T000000Z", dueAt: new Date("2026-05-04T07:00:00Z") })).toBeNull();
  });

  it("creates one live next occurrence however often the task is reopened and completed again", async () => {
    const task = await createTask(harness.db, user, {
      title: "Once per slot",
      rrule: "FREQ=DAILY",
      recurrenceMode: "FROM_COMPLETION",
      dueAt: new Date("2026-05-04T07:00:00Z"),
    });
    await complete(task, new Date("2026-05-04T08:00:00Z"));
    await reopen(task);
    // Completed again on another day: FROM_COMPLETION computes another slot.
    await complete(task, new Date("2026-05-07T08:00:00Z"));
    await reopen(task);
    await complete(task, new Date("2026-05-04T09:00:00Z"));
    const live = (await seriesTasks(task.seriesId)).filter((t) => t.deletedAt === null);
    expect(live.map((t) => t.dueAt?.toISOString())).toEqual(["2026-05-04T07:00:00.000Z", "2026-05-05T07:00:00.000Z"]);
  });

  it("keeps the task's content and carries the completion as cause in task.created", async () => {
    const tag = await insertTag(harness.db, user, "home");
    const task = await createTask(
      harness.db,
      user,
      {
        title: "Pay rent",
        description: "Transfer to **landlord**",
        priority: "HIGH",
        rrule: "FREQ=MONTHLY;BYMONTHDAY=1",
        dueAt: new Date("2026-05-01T07:00:00Z"),
        timeZone: "Europe/Paris",
        remindBeforeMinutes: 30,
      },
      [tag],
    );
    await complete(task);
    const next = must((await seriesTasks(task.seriesId))[1], "the next occurrence");
    const created = await latestEvent("task.created", next.id);
    const completion = await latestEvent("task.completed", task.id);
    expect(created).toMatchObject({
      source: "/taskboard/workers/recurrence",
      subject: next.id,
      partitionkey: user,
      causationid: completion.id,
      correlationid: completion.correlationid,
    });
    expect(created.data).toMatchObject({
      task: {
        title: "Pay rent",
        description: "Transfer to **landlord**",
        priority: "HIGH",
        status: "OPEN",
        dueAt: "2026-06-01T07:00:00.000Z",
        timeZone: "Europe/Paris",
        remindBeforeMinutes: 30,
        rrule: "FREQ=MONTHLY;BYMONTHDAY=1",
        recurrenceMode: "FIXED",
        seriesId: task.seriesId,
        version: 1,
        tags: [expect.objectContaining({ id: tag, name: "home" })],
      },
    });
  });

  it("ignores completions of tasks that do not recur", async () => {
    const task = await createTask(harness.db, user, { title: "One-off", dueAt: new Date("2026-05-04T07:00:00Z") });
    const before = await harness.db.task.count();
    await complete(task);
    expect(await harness.db.task.count()).toBe(before);
  });
});

describe("recurrence consumer: a fixed schedule after a DST gap", () => {
  /** Completes each occurrence of a new series in turn; the due instants of the next ones. */
  async function dueTimes(data: Parameters<typeof createTask>[2], steps: number): Promise<string[]> {
    let task = await createTask(harness.db, user, data);
    for (let step = 0; step < steps; step++) {
      await complete(task);
      const next = must((await seriesTasks(task.seriesId))[step + 1], `occurrence ${step + 2}`);
      task = { ...task, id: next.id, dueAt: next.dueAt?.toISOString() ?? null, seriesStartAt: next.seriesStartAt?.toISOString() ?? null };
    }
    return (await seriesTasks(task.seriesId)).slice(1).map((t) => t.dueAt?.toISOString() ?? "");
  }

  it("every day at 02:30 in New York: 03:30 on the spring-forward day, then back to 02:30", async () => {
    const start = new Date("2026-03-07T07:30:00Z"); // Sat 02:30 EST
    expect(await dueTimes({ title: "02:30", rrule: "FREQ=DAILY", dueAt: start, timeZone: "America/New_York" }, 3)).toEqual([
      "2026-03-08T07:30:00.000Z", // 02:30 does not exist: 03:30 EDT
      "2026-03-09T06:30:00.000Z", // 02:30 EDT
      "2026-03-10T06:30:00.000Z",
    ]);
  });

  it("monthly on the last Sunday at 02:30 in Berlin", async () => {
    const start = new Date("2026-02-22T01:30:00Z"); // Sun Feb 22 02:30 CET
    expect(await dueTimes({ title: "last Sunday", rrule: "FREQ=MONTHLY;BYDAY=-1SU", dueAt: start, timeZone: "Europe/Berlin" }, 2)).toEqual([
      "2026-03-29T01:30:00.000Z", // 03:30 CEST: the gap
      "2026-04-26T00:30:00.000Z", // 02:30 CEST
    ]);
  });
});

describe("recurrence consumer: every rule the API accepts is scheduled", () => {
  /** Completes a new task with `rrule` and waits until the completion is handled or dead-lettered. */
  async function nextDue(rrule: string, dueAt: string): Promise<{ next: string | null; deadLetters: number }> {
    const task = await createTask(harness.db, user, { title: "Rule", rrule, dueAt: new Date(dueAt) });
    await transitionTask(harness.db, task, "complete");
    const completion = await latestEvent("task.completed", task.id);
    const where = { consumer: "recurrence", eventId: completion.id };
    await waitFor("the completion handled or dead-lettered", async () =>
      Boolean((await harness.db.processedEvent.findFirst({ where })) ?? (await harness.db.deadLetter.findFirst({ where }))),
    );
    const next = (await seriesTasks(task.seriesId))[1]?.dueAt?.toISOString() ?? null;
    return { next, deadLetters: await harness.db.deadLetter.count({ where }) };
  }

  // The three rules of issue #10, as task.create stores them.
  it.each([
    ["UNTIL as a date", "FREQ=DAILY;UNTIL=20261231", "2026-05-04T07:00:00Z", "2026-05-05T07:00:00.000Z"],
    ["the last day of UNTIL as a date", "FREQ=DAILY;UNTIL=20261231", "2026-12-30T07:00:00Z", "2026-12-31T07:00:00.000Z"],
    ["WKST", "FREQ=WEEKLY;BYDAY=MO;WKST=MO", "2026-05-04T09:00:00Z", "2026-05-11T09:00:00.000Z"],
    ["BYMONTH with BYMONTHDAY", "FREQ=YEARLY;BYMONTH=1,6;BYMONTHDAY=1", "2026-01-01T09:00:00Z", "2026-06-01T09:00:00.000Z"],
  ])("%s: %s", async (_name, rrule, dueAt, expected) => {
    expect(await nextDue(rrule, dueAt)).toEqual({ next: expected, deadLetters: 0 });
  });

  it("UNTIL as a date ends the series after that day", async () => {
    expect(await nextDue("FREQ=DAILY;UNTIL=20261231", "2026-12-31T07:00:00Z")).toEqual({ next: null, deadLetters: 0 });
  });
});
