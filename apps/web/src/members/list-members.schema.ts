// member.list input and output: the project's members and, for its owner, the pending invitations.
import { z } from "zod";
import { ZInvitationSnapshotSchema, ZMemberSnapshotSchema } from "@taskboard/events";
import { ZProjectIdSchema } from "@/projects/project-fields";

export const ZListMembersSchema = z.strictObject({ projectId: ZProjectIdSchema });
export type TListMembers = z.infer<typeof ZListMembersSchema>;

export const ZMemberListSchema = z.object({
  members: z.array(ZMemberSnapshotSchema),
  /** Pending invitations; only the owner sees them ([] for everyone else). */
  invitations: z.array(ZInvitationSnapshotSchema),
});
export type TMemberList = z.infer<typeof ZMemberListSchema>;
