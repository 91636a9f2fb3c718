// Valid events of every registered type, for transport and consumer tests and the benchmark.
import { randomUUID } from "node:crypto";
import { createEvent } from "../create-event.ts";
import type { TCloudEvent } from "../envelope.ts";
import { eventRegistry, type TEventType } from "../registry.ts";
import type { TTaskSnapshot } from "../task-events/task-snapshot.ts";

export function sampleTask(userId: string, overrides: Partial<TTaskSnapshot> = {}): TTaskSnapshot {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    userId,
    title: "Water the plants",
    description: "",
    status: "OPEN",
    priority: "NONE",
    dueAt: null,
    allDay: false,
    timeZone: "UTC",
    remindAt: null,
    remindBeforeMinutes: null,
    rrule: null,
    recurrenceMode: null,
    seriesId: null,
    position: 0,
    version: 1,
    tags: [],
    createdAt: now,
    updatedAt: now,
    completedAt: null,
    deletedAt: null,
    ...overrides,
  };
}

/** A valid event of `type` about a task of `userId`. */
export function sampleEvent(
  type: TEventType,
  userId: string,
  task: TTaskSnapshot = sampleTask(userId),
): TCloudEvent {
  const definition = eventRegistry[type];
  const data = type.startsWith("reminder.")
    ? sampleReminderData(type, task)
    : type === "task.updated"
      ? { previous: { ...task, title: "Before" }, task, changedFields: ["title"] }
      : type === "task.next-occurrence-kept"
        ? { task, next: { ...task, id: randomUUID(), version: 2 } }
        : { task };
  return createEvent(definition, {
    data: data as never,
    subject: task.id,
    partitionKey: userId,
    source: "/taskboard/tests",
  });
}

function sampleReminderData(type: TEventType, task: TTaskSnapshot) {
  const fireAt = new Date(Date.now() + 60_000).toISOString();
  const reminder = { taskId: task.id, taskVersion: task.version, jobName: `reminder:${task.id}:${Date.parse(fireAt)}`, fireAt, title: task.title };
  if (type === "reminder.scheduled") return { ...reminder, previousFireAt: null };
  if (type === "reminder.cancelled") return { ...reminder, reason: "cleared" };
  return { ...reminder, notificationId: randomUUID() };
}

export const ALL_EVENT_TYPES = Object.keys(eventRegistry) as TEventType[];
