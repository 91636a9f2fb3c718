// member.remove input: the project and the member.
import { ZMemberRefSchema, type TMemberRef } from "./member-ref.schema";

export const ZRemoveMemberSchema = ZMemberRefSchema;
export type TRemoveMember = TMemberRef;
