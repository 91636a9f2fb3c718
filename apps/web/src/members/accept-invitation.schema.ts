// member.acceptInvitation input: the invitation.
import { ZInvitationRefSchema, type TInvitationRef } from "./invitation-ref.schema";

export const ZAcceptInvitationSchema = ZInvitationRefSchema;
export type TAcceptInvitation = TInvitationRef;
