// member.revokeInvitation input: the invitation.
import { ZInvitationRefSchema, type TInvitationRef } from "./invitation-ref.schema";

export const ZRevokeInvitationSchema = ZInvitationRefSchema;
export type TRevokeInvitation = TInvitationRef;
