// The state of a project, a section, a membership and an invitation as project events carry it.
// Dates are ISO-8601 strings, like the task snapshot.
import { z } from "zod";

export const PROJECT_LIMITS = { name: 100, sectionName: 100, email: 320 } as const;

const isoInstant = z.iso.datetime({ offset: true });
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/);

export const ZProjectRoleSchema = z.enum(["OWNER", "EDITOR", "VIEWER"]);
/** The roles an invitation or a role change may give (ownership moves only by transfer). */
export const ZMemberRoleSchema = z.enum(["EDITOR", "VIEWER"]);
export const ZProjectViewSchema = z.enum(["LIST", "KANBAN"]);
export const ZInvitationStatusSchema = z.enum(["PENDING", "ACCEPTED", "DECLINED", "REVOKED"]);

export const ZProjectSnapshotSchema = z.object({
  id: z.uuid(),
  ownerId: z.string().min(1),
  name: z.string().min(1).max(PROJECT_LIMITS.name),
  color: hexColor,
  isInbox: z.boolean(),
  version: z.number().int().positive(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  archivedAt: isoInstant.nullable(),
  deletedAt: isoInstant.nullable(),
});

export const ZSectionSnapshotSchema = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  name: z.string().min(1).max(PROJECT_LIMITS.sectionName),
  position: z.number(),
  version: z.number().int().positive(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  deletedAt: isoInstant.nullable(),
});

export const ZMemberSnapshotSchema = z.object({
  projectId: z.uuid(),
  userId: z.string().min(1),
  name: z.string(),
  email: z.string(),
  role: ZProjectRoleSchema,
  joinedAt: isoInstant,
});

export const ZInvitationSnapshotSchema = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  email: z.string().min(3).max(PROJECT_LIMITS.email),
  role: ZMemberRoleSchema,
  invitedBy: z.string().min(1),
  status: ZInvitationStatusSchema,
  createdAt: isoInstant,
  respondedAt: isoInstant.nullable(),
});

export type TProjectRole = z.infer<typeof ZProjectRoleSchema>;
export type TMemberRole = z.infer<typeof ZMemberRoleSchema>;
export type TProjectSnapshot = z.infer<typeof ZProjectSnapshotSchema>;
export type TSectionSnapshot = z.infer<typeof ZSectionSnapshotSchema>;
export type TMemberSnapshot = z.infer<typeof ZMemberSnapshotSchema>;
export type TInvitationSnapshot = z.infer<typeof ZInvitationSnapshotSchema>;
