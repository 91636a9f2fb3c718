// member.invite input: the project, the address (an account may not exist yet) and the role.
import { z } from "zod";
import { ZProjectIdSchema } from "@/projects/project-fields";
import { ZGrantedRoleSchema, ZInviteEmailSchema } from "./member-fields";

export const ZInviteMemberSchema = z.strictObject({ projectId: ZProjectIdSchema, email: ZInviteEmailSchema, role: ZGrantedRoleSchema });
export type TInviteMember = z.infer<typeof ZInviteMemberSchema>;
