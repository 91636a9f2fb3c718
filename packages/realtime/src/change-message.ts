// One entry of a user's change feed: what the server pushes to room `user:<id>` (CHANGE_EVENT)
// and what realtime.changesSince returns. The kinds and their payloads are the contract between
// the workers' consumers, which write them, and the web app, which applies them
// (docs/projects.md, "What a membership change does to the feeds").
import {
  ZInvitationSnapshotSchema,
  ZProjectRoleSchema,
  ZProjectSnapshotSchema,
  ZSectionSnapshotSchema,
  ZTaskSnapshotSchema,
} from "@taskboard/events";
import { z } from "zod";

export const CHANGE_KINDS = [
  "task.upserted",
  "task.removed",
  "notification",
  "audit",
  "project.upserted",
  "project.joined",
  "project.left",
  "section.upserted",
  "section.removed",
  "members.changed",
  "invitation",
] as const;
export const ZChangeKindSchema = z.enum(CHANGE_KINDS);
export type TChangeKind = z.infer<typeof ZChangeKindSchema>;

/** A project as one member sees it: the snapshot with that member's role and the member count. */
export const ZProjectChangePayloadSchema = ZProjectSnapshotSchema.extend({
  role: ZProjectRoleSchema,
  memberCount: z.number().int().nonnegative(),
});
export type TProjectChangePayload = z.infer<typeof ZProjectChangePayloadSchema>;

export const ZProjectRefPayloadSchema = z.object({ projectId: z.uuid() });

/** A new in-app notification (a fired reminder, an assignment, an invitation): the tray refetches. */
export const ZNotificationChangePayloadSchema = z.looseObject({ notificationId: z.uuid() });

/** A new audit entry: enough for a tab to tell which cached history lists to refetch. */
export const ZAuditChangePayloadSchema = z.object({
  type: z.string(),
  taskId: z.string().nullable(),
  projectId: z.uuid().nullable().optional(),
  occurredAt: z.iso.datetime({ offset: true }),
});

/** The payload each kind carries. */
export const CHANGE_PAYLOADS = {
  "task.upserted": ZTaskSnapshotSchema,
  "task.removed": ZTaskSnapshotSchema,
  notification: ZNotificationChangePayloadSchema,
  audit: ZAuditChangePayloadSchema,
  "project.upserted": ZProjectChangePayloadSchema,
  "project.joined": ZProjectChangePayloadSchema,
  "project.left": ZProjectRefPayloadSchema,
  "section.upserted": ZSectionSnapshotSchema,
  "section.removed": ZSectionSnapshotSchema,
  "members.changed": ZProjectRefPayloadSchema,
  invitation: ZInvitationSnapshotSchema,
} as const satisfies Record<TChangeKind, z.ZodType>;

const envelope = { seq: z.number().int().positive(), entityId: z.string().min(1), version: z.number().int().nonnegative() };

function messageOf<K extends TChangeKind>(kind: K) {
  return z.object({ ...envelope, kind: z.literal(kind), payload: CHANGE_PAYLOADS[kind] });
}

export const ZUserChangeMessageSchema = z.discriminatedUnion("kind", [
  messageOf("task.upserted"),
  messageOf("task.removed"),
  messageOf("notification"),
  messageOf("audit"),
  messageOf("project.upserted"),
  messageOf("project.joined"),
  messageOf("project.left"),
  messageOf("section.upserted"),
  messageOf("section.removed"),
  messageOf("members.changed"),
  messageOf("invitation"),
]);
export type TUserChangeMessage = z.infer<typeof ZUserChangeMessageSchema>;
export type TUserChangeOf<K extends TChangeKind> = Extract<TUserChangeMessage, { kind: K }>;

/** A change's payload for its kind, typed: what the consumers build before appending. */
export type TChangePayload<K extends TChangeKind> = z.infer<(typeof CHANGE_PAYLOADS)[K]>;
