// member.* procedures: wiring only; each use case lives in its own *.handler.ts.
import { ZInvitationSnapshotSchema, ZMemberSnapshotSchema } from "@taskboard/events";
import { ZProjectViewSchema } from "@/projects/project-view";
import { createTRPCRouter, protectedProcedure } from "@/trpc/init";
import { acceptInvitation } from "./accept-invitation.handler";
import { ZAcceptInvitationSchema } from "./accept-invitation.schema";
import { changeRole } from "./change-role.handler";
import { ZChangeRoleSchema } from "./change-role.schema";
import { declineInvitation } from "./decline-invitation.handler";
import { ZDeclineInvitationSchema } from "./decline-invitation.schema";
import { inviteMember } from "./invite-member.handler";
import { ZInviteMemberSchema } from "./invite-member.schema";
import { leaveProject } from "./leave-project.handler";
import { ZLeaveProjectSchema } from "./leave-project.schema";
import { listMembers } from "./list-members.handler";
import { ZListMembersSchema, ZMemberListSchema } from "./list-members.schema";
import { myInvitations } from "./my-invitations.handler";
import { ZMyInvitationsSchema } from "./my-invitations.schema";
import { removeMember } from "./remove-member.handler";
import { ZRemoveMemberSchema } from "./remove-member.schema";
import { revokeInvitation } from "./revoke-invitation.handler";
import { ZRevokeInvitationSchema } from "./revoke-invitation.schema";
import { transferOwnership } from "./transfer-ownership.handler";
import { ZTransferOwnershipSchema } from "./transfer-ownership.schema";

export const memberRouter = createTRPCRouter({
  list: protectedProcedure
    .input(ZListMembersSchema)
    .output(ZMemberListSchema)
    .query(({ ctx, input }) => listMembers({ db: ctx.db, user: ctx.user, input })),
  invite: protectedProcedure
    .input(ZInviteMemberSchema)
    .output(ZInvitationSnapshotSchema)
    .mutation(({ ctx, input }) => inviteMember({ db: ctx.db, user: ctx.user, input })),
  revokeInvitation: protectedProcedure
    .input(ZRevokeInvitationSchema)
    .output(ZInvitationSnapshotSchema)
    .mutation(({ ctx, input }) => revokeInvitation({ db: ctx.db, user: ctx.user, input })),
  myInvitations: protectedProcedure.output(ZMyInvitationsSchema).query(({ ctx }) => myInvitations({ db: ctx.db, user: ctx.user })),
  acceptInvitation: protectedProcedure
    .input(ZAcceptInvitationSchema)
    .output(ZProjectViewSchema)
    .mutation(({ ctx, input }) => acceptInvitation({ db: ctx.db, user: ctx.user, input })),
  declineInvitation: protectedProcedure
    .input(ZDeclineInvitationSchema)
    .output(ZInvitationSnapshotSchema)
    .mutation(({ ctx, input }) => declineInvitation({ db: ctx.db, user: ctx.user, input })),
  changeRole: protectedProcedure
    .input(ZChangeRoleSchema)
    .output(ZMemberSnapshotSchema)
    .mutation(({ ctx, input }) => changeRole({ db: ctx.db, user: ctx.user, input })),
  remove: protectedProcedure
    .input(ZRemoveMemberSchema)
    .output(ZMemberSnapshotSchema)
    .mutation(({ ctx, input }) => removeMember({ db: ctx.db, user: ctx.user, input })),
  leave: protectedProcedure
    .input(ZLeaveProjectSchema)
    .output(ZMemberSnapshotSchema)
    .mutation(({ ctx, input }) => leaveProject({ db: ctx.db, user: ctx.user, input })),
  transferOwnership: protectedProcedure
    .input(ZTransferOwnershipSchema)
    .output(ZProjectViewSchema)
    .mutation(({ ctx, input }) => transferOwnership({ db: ctx.db, user: ctx.user, input })),
});
