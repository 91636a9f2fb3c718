// member.declineInvitation input: the invitation.
import { ZInvitationRefSchema, type TInvitationRef } from "./invitation-ref.schema";

export const ZDeclineInvitationSchema = ZInvitationRefSchema;
export type TDeclineInvitation = TInvitationRef;
