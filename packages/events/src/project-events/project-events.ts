// Every event about a project, its sections and its members. They travel on project-events with
// the project's id as partition key, so a project's own changes reach each consumer in commit
// order (a removal is seen after every change made before it). Task events stay on task-events.
import { z } from "zod";
import { defineEvent } from "../define-event.ts";
import { TOPICS } from "../topics.ts";
import {
  ZInvitationSnapshotSchema,
  ZMemberSnapshotSchema,
  ZProjectSnapshotSchema,
  ZSectionSnapshotSchema,
} from "./project-snapshots.ts";

const changed = z.array(z.string()).min(1);

export const projectCreated = defineEvent({
  type: "project.created",
  topic: TOPICS.projectEvents,
  version: 1,
  data: z.object({ project: ZProjectSnapshotSchema }),
});

/** Renamed, recoloured, archived or unarchived, or its ownership transferred (ownerId). */
export const projectUpdated = defineEvent({
  type: "project.updated",
  topic: TOPICS.projectEvents,
  version: 1,
  data: z.object({ previous: ZProjectSnapshotSchema, project: ZProjectSnapshotSchema, changedFields: changed }),
});

/** Soft-deleted (undo restores it); its tasks go with it. */
export const projectDeleted = defineEvent({
  type: "project.deleted",
  topic: TOPICS.projectEvents,
  version: 1,
  data: z.object({ project: ZProjectSnapshotSchema }),
});

export const projectRestored = defineEvent({
  type: "project.restored",
  topic: TOPICS.projectEvents,
  version: 1,
  data: z.object({ project: ZProjectSnapshotSchema }),
});

export const sectionCreated = defineEvent({
  type: "section.created",
  topic: TOPICS.projectEvents,
  version: 1,
  data: z.object({ section: ZSectionSnapshotSchema }),
});

/** Renamed or moved. */
export const sectionUpdated = defineEvent({
  type: "section.updated",
  topic: TOPICS.projectEvents,
  version: 1,
  data: z.object({ previous: ZSectionSnapshotSchema, section: ZSectionSnapshotSchema, changedFields: changed }),
});

/** Deleted; its tasks were moved to `tasksMovedTo` (a section id, or null for "No section") or deleted, each with its own task event. */
export const sectionDeleted = defineEvent({
  type: "section.deleted",
  topic: TOPICS.projectEvents,
  version: 1,
  data: z.object({
    section: ZSectionSnapshotSchema,
    tasks: z.discriminatedUnion("action", [
      z.object({ action: z.literal("moved"), toSectionId: z.uuid().nullable() }),
      z.object({ action: z.literal("deleted") }),
    ]),
  }),
});

export const invitationCreated = defineEvent({
  type: "invitation.created",
  topic: TOPICS.projectEvents,
  version: 1,
  data: z.object({ invitation: ZInvitationSnapshotSchema }),
});

/** Accepted, declined or revoked (the status says which). */
export const invitationClosed = defineEvent({
  type: "invitation.closed",
  topic: TOPICS.projectEvents,
  version: 1,
  data: z.object({ invitation: ZInvitationSnapshotSchema }),
});

export const memberAdded = defineEvent({
  type: "member.added",
  topic: TOPICS.projectEvents,
  version: 1,
  data: z.object({ member: ZMemberSnapshotSchema }),
});

/** A role changed (a transfer of ownership changes two). */
export const memberUpdated = defineEvent({
  type: "member.updated",
  topic: TOPICS.projectEvents,
  version: 1,
  data: z.object({ previous: ZMemberSnapshotSchema, member: ZMemberSnapshotSchema }),
});

/** Removed by the owner, or left on their own. */
export const memberRemoved = defineEvent({
  type: "member.removed",
  topic: TOPICS.projectEvents,
  version: 1,
  data: z.object({ member: ZMemberSnapshotSchema, reason: z.enum(["removed", "left"]) }),
});

export const PROJECT_EVENT_DEFINITIONS = [
  projectCreated,
  projectUpdated,
  projectDeleted,
  projectRestored,
  sectionCreated,
  sectionUpdated,
  sectionDeleted,
  invitationCreated,
  invitationClosed,
  memberAdded,
  memberUpdated,
  memberRemoved,
] as const;
