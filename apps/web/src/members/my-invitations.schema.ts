// member.myInvitations output: the pending invitations to the signed-in user's address.
import { z } from "zod";
import { ZInvitationSnapshotSchema } from "@taskboard/events";

export const ZMyInvitationsSchema = z.array(ZInvitationSnapshotSchema);
export type TMyInvitations = z.infer<typeof ZMyInvitationsSchema>;
