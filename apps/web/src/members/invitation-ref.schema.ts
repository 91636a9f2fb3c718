// The input of the procedures that act on one invitation (revoke, accept, decline).
import { z } from "zod";
import { ZInvitationIdSchema } from "./member-fields";

export const ZInvitationRefSchema = z.strictObject({ invitationId: ZInvitationIdSchema });
export type TInvitationRef = z.infer<typeof ZInvitationRefSchema>;
