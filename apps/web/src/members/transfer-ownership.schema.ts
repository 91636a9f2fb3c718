// member.transferOwnership input: the project and the member.
import { ZMemberRefSchema, type TMemberRef } from "./member-ref.schema";

export const ZTransferOwnershipSchema = ZMemberRefSchema;
export type TTransferOwnership = TMemberRef;
