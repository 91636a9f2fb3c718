// member.changeRole input: the project, the member and their new role (ownership moves only by transfer).
import { z } from "zod";
import { ZProjectIdSchema } from "@/projects/project-fields";
import { ZGrantedRoleSchema, ZMemberUserIdSchema } from "./member-fields";

export const ZChangeRoleSchema = z.strictObject({ projectId: ZProjectIdSchema, userId: ZMemberUserIdSchema, role: ZGrantedRoleSchema });
export type TChangeRole = z.infer<typeof ZChangeRoleSchema>;
