import { randomUUID } from "node:crypto";
import { CloudEvent } from "cloudevents";
import { describe, expect, it } from "vitest";
import { sampleTask as baseTask } from "./contract/sample-events.ts";
import { createEvent } from "./create-event.ts";
import { ZCloudEventEnvelopeSchema } from "./envelope.ts";
import { InvalidEventError } from "./errors.ts";
import { taskCompleted } from "./task-events/task-completed.ts";
import { taskCreated } from "./task-events/task-created.ts";
import type { TTaskSnapshot } from "./task-events/task-snapshot.ts";

// A recurring task with a reminder and a tag, so every part of the snapshot schema is exercised.
function sampleTask(overrides: Partial<TTaskSnapshot> = {}): TTaskSnapshot {
  return baseTask("user-1", {
    title: "Pay rent",
    priority: "HIGH",
    dueAt: "2026-04-01T07:00:00.000Z",
    timeZone: "Europe/Paris",
    remindBeforeMinutes: 30,
    rrule: "FREQ=MONTHLY;BYMONTHDAY=1",
    recurrenceMode: "FIXED",
    seriesId: randomUUID(),
    tags: [{ id: randomUUID(), name: "home" }],
    ...overrides,
  });
}

function created() {
  const task = sampleTask();
  return createEvent(taskCreated, { data: { task }, subject: task.id, partitionKey: task.userId, source: "/taskboard/web" });
}

describe("createEvent", () => {
  it("builds an envelope the official CloudEvents SDK accepts as CloudEvents 1.0", () => {
    const event = created();
    const sdkEvent = new CloudEvent({ ...event });
    expect(sdkEvent.validate()).toBe(true);
    expect(sdkEvent.specversion).toBe("1.0");
    expect(sdkEvent.partitionkey).toBe("user-1");
  });

  it("builds an envelope our own schema accepts, JSON round trip included", () => {
    const event = created();
    expect(ZCloudEventEnvelopeSchema.parse(JSON.parse(JSON.stringify(event)))).toEqual(event);
    expect(event).toMatchObject({
      type: "task.created",
      datacontenttype: "application/json",
      dataversion: taskCreated.version,
      source: "/taskboard/web",
    });
    expect(event.subject).toBe(event.data.task.id);
  });

  it("starts a chain for a user's own action: correlationid = causationid = id", () => {
    const event = created();
    expect(event.partitionkey).toBe("user-1");
    expect(event.correlationid).toBe(event.id);
    expect(event.causationid).toBe(event.id);
  });

  it("links an effect to its cause: same correlation, causation = the cause's id", () => {
    const cause = created();
    const task = sampleTask({ status: "COMPLETED", completedAt: "2026-04-01T08:00:00.000Z" });
    const effect = createEvent(taskCompleted, {
      data: { task },
      subject: task.id,
      partitionKey: task.userId,
      source: "/taskboard/workers/recurrence",
      cause,
    });
    expect(effect.id).not.toBe(cause.id);
    expect(effect.correlationid).toBe(cause.correlationid);
    expect(effect.causationid).toBe(cause.id);
    expect(new CloudEvent({ ...effect }).validate()).toBe(true);
  });

  it("keeps given id, time and traceparent", () => {
    const task = sampleTask();
    const id = randomUUID();
    const traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    const event = createEvent(taskCreated, {
      data: { task }, subject: task.id, partitionKey: task.userId, source: "/taskboard/web",
      id, time: new Date("2026-01-02T03:04:05.000Z"), traceparent,
    });
    expect(event).toMatchObject({ id, time: "2026-01-02T03:04:05.000Z", traceparent });
    expect(new CloudEvent({ ...event }).validate()).toBe(true);
  });

  it("throws InvalidEventError naming the bad field, and builds nothing", () => {
    const task = sampleTask({ title: "" });
    const attempt = () =>
      createEvent(taskCreated, { data: { task }, subject: task.id, partitionKey: task.userId, source: "/taskboard/web" });
    expect(attempt).toThrow(InvalidEventError);
    expect(attempt).toThrow(/task\.title/);
    try {
      attempt();
    } catch (error) {
      expect((error as InvalidEventError).eventType).toBe("task.created");
    }
    const badPriority = sampleTask({ priority: "SOON" as never });
    expect(() =>
      createEvent(taskCreated, { data: { task: badPriority }, subject: badPriority.id, partitionKey: "user-1", source: "/s" }),
    ).toThrow(/task\.priority/);
  });
});
