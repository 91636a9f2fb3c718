// Valid events of every registered type, for transport and consumer tests and the benchmark.
import { randomUUID } from "node:crypto";
import { createEvent } from "../create-event.ts";
import type { TCloudEvent } from "../envelope.ts";
import { eventRegistry, type TEventType } from "../registry.ts";
import type { TProjectSnapshot } from "../project-events/project-snapshots.ts";
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

/** A valid event of `type` about a task of `userId` (or, for project events, a project `userId` owns). */
export function sampleEvent(
  type: TEventType,
  userId: string,
  task: TTaskSnapshot = sampleTask(userId),
): TCloudEvent {
  const definition = eventRegistry[type];
  if (definition.topic === "project-events") {
    const project = sampleProject(userId);
    return createEvent(definition, {
      data: sampleProjectData(type, project) as never,
      subject: project.id,
      partitionKey: project.id,
      actorId: userId,
      source: "/taskboard/tests",
    });
  }
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

export function sampleProject(ownerId: string, overrides: Partial<TProjectSnapshot> = {}): TProjectSnapshot {
  const now = new Date().toISOString();
  return { id: randomUUID(), ownerId, name: "Garden", color: "#16a34a", isInbox: false, version: 1, createdAt: now, updatedAt: now, archivedAt: null, deletedAt: null, ...overrides };
}

function sampleProjectData(type: TEventType, project: TProjectSnapshot) {
  const now = new Date().toISOString();
  const section = { id: randomUUID(), projectId: project.id, name: "Doing", position: 1, version: 1, createdAt: now, updatedAt: now, deletedAt: null };
  const member = { projectId: project.id, userId: `${project.ownerId}-friend`, name: "Friend", email: "friend@example.test", role: "EDITOR" as const, joinedAt: now };
  const invitation = { id: randomUUID(), projectId: project.id, projectName: project.name, email: "friend@example.test", role: "EDITOR" as const, invitedBy: project.ownerId, status: "PENDING" as const, createdAt: now, respondedAt: null };
  switch (type) {
    case "project.updated":
      return { previous: { ...project, name: "Before" }, project: { ...project, version: 2 }, changedFields: ["name"] };
    case "section.created":
      return { section };
    case "section.updated":
      return { previous: { ...section, name: "Before" }, section: { ...section, version: 2 }, changedFields: ["name"] };
    case "section.deleted":
      return { section: { ...section, deletedAt: now }, tasks: { action: "moved", toSectionId: null } };
    case "invitation.created":
      return { invitation };
    case "invitation.closed":
      return { invitation: { ...invitation, status: "DECLINED", respondedAt: now } };
    case "member.added":
      return { member };
    case "member.updated":
      return { previous: member, member: { ...member, role: "VIEWER" } };
    case "member.removed":
      return { member, reason: "removed" };
    default:
      return { project };
  }
}

export const ALL_EVENT_TYPES = Object.keys(eventRegistry) as TEventType[];
